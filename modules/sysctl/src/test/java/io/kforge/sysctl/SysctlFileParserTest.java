package io.kforge.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SysctlFileParserTest {

    @Test
    void readsAssignmentsWithAnySpacingAndSkipsBothCommentStyles() {
        var text = """
                # a comment
                ; another comment
                net.core.somaxconn=4096
                   net.ipv4.tcp_rmem   =  4096	87380 33554432\s\s
                kernel/pid_max = 4194304

                """;

        var parsed = SysctlFileParser.parse("a.conf", text);

        assertEquals(List.of(), parsed.problems());
        assertEquals(List.of("net.core.somaxconn", "net.ipv4.tcp_rmem", "kernel.pid_max"),
                parsed.settings().stream().map(s -> s.key().dotted()).toList());
        assertEquals(Optional.of("4096\t87380 33554432"), parsed.settings().get(1).value());
        assertEquals("a.conf:5", parsed.settings().get(2).origin());
    }

    @Test
    void firstSeparatorDecidesWhetherDotsBelongToNames() {
        var parsed = SysctlFileParser.parse("vlan.conf", """
                net/ipv4/conf/eth0.100/forwarding = 1
                net.ipv4.conf.eth0/100.forwarding = 1
                """);

        var first = parsed.settings().get(0).key();
        var second = parsed.settings().get(1).key();
        assertEquals(first, second);
        assertEquals("/proc/sys/net/ipv4/conf/eth0.100/forwarding", first.path());
        assertEquals("net.ipv4.conf.eth0/100.forwarding", first.dotted());
    }

    @Test
    void dashPrefixMakesAKeyOptionalAndAloneExcludesItFromGlobs() {
        var parsed = SysctlFileParser.parse("globs.conf", """
                -net.ipv4.no_such_key = 1
                net.ipv4.conf.*.rp_filter = 2
                -net.ipv4.conf.all.rp_filter
                """);

        assertEquals(List.of(), parsed.problems());
        assertTrue(parsed.settings().get(0).optional());
        assertFalse(parsed.settings().get(0).exclusion());
        assertTrue(parsed.settings().get(1).key().isGlob());
        assertTrue(parsed.settings().get(2).exclusion());
    }

    @Test
    void C12QuotedValueIsReportedWithFileAndLineAndTheFixAndIsNotKept() {
        var parsed = SysctlFileParser.parse("c12.conf", "net.ipv4.tcp_rmem = \"4096 87380 33554432\"\n");

        assertEquals(List.of(), parsed.settings());
        assertEquals(1, parsed.problems().size());
        var problem = parsed.problems().getFirst();
        assertTrue(problem.startsWith("c12.conf:1: net.ipv4.tcp_rmem: "), problem);
        assertTrue(problem.contains("is in quotes"), problem);
        assertTrue(problem.contains("drop the quotes (net.ipv4.tcp_rmem = 4096 87380 33554432)"), problem);
    }

    @Test
    void C14DashLineIsNotASyntaxErrorAndEveryLineParses() {
        var parsed = SysctlFileParser.parse("c14.conf", """
                -net.ipv4.no_such_key = 1
                net.core.somaxconn = 4096
                kernel.no_such_key = 1
                net.ipv4.tcp_max_tw_buckets = 262144
                """);

        assertEquals(List.of(), parsed.problems());
        assertEquals(4, parsed.settings().size());
        assertEquals(List.of(true, false, false, false), parsed.settings().stream().map(SysctlSetting::optional)
                .toList());
    }

    @Test
    void everyMalformedLineIsReportedAtOnceWithItsLine() {
        var parsed = SysctlFileParser.parse("bad.conf", """
                net.core.somaxconn 4096
                = 12
                net.core.some key = 1
                net/../../etc/passwd = x
                net.core.wmem_max = 'big'
                net.core.rmem_max = 1
                """);

        assertEquals(1, parsed.settings().size());
        assertEquals(5, parsed.problems().size(), String.join("\n", parsed.problems()));
        assertTrue(parsed.problems().get(0).startsWith("bad.conf:1: "));
        assertTrue(parsed.problems().get(0).contains("not an assignment"));
        assertTrue(parsed.problems().get(1).startsWith("bad.conf:2: "));
        assertTrue(parsed.problems().get(2).startsWith("bad.conf:3: "));
        assertTrue(parsed.problems().get(3).startsWith("bad.conf:4: "));
        assertTrue(parsed.problems().get(3).contains("climbs out of /proc/sys"));
        assertTrue(parsed.problems().get(4).startsWith("bad.conf:5: net.core.wmem_max: the value 'big' is in quotes"));
    }

    @Test
    void includeDirectiveIsReadAndPlainCommentsAreNot() {
        var parsed = SysctlFileParser.parse("web.conf", """
                #include containers base/extra.conf
                # include is a word that may appear in comments
                net.core.somaxconn = 8192
                """);

        assertEquals(List.of(new ProfileText.Include("containers", "web.conf:1"),
                new ProfileText.Include("base/extra.conf", "web.conf:1")), parsed.includes());
        assertEquals(1, parsed.settings().size());
    }
}

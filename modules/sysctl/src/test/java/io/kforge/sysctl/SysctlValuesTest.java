package io.kforge.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SysctlValuesTest {

    @Test
    void multiNumberValuesCompareAsNumbersWhateverTheWhitespace() {
        assertTrue(SysctlValues.same("4096 87380 33554432", "4096\t87380\t33554432\n"));
        assertTrue(SysctlValues.same("0010", "10"));
        assertTrue(SysctlValues.same("+5", "5"));
        assertFalse(SysctlValues.same("4096 87380", "4096 87380 33554432"));
        assertFalse(SysctlValues.same("4096 87380 33554432", "4096 87381 33554432"));
    }

    @Test
    void textValuesCompareFieldByField() {
        assertTrue(SysctlValues.same("bbr", " bbr "));
        assertFalse(SysctlValues.same("bbr", "cubic"));
        assertEquals("a b c", SysctlValues.tidy(" a \t b\nc "));
    }

    @Test
    void bufferTriplesMustBeOrdered() {
        assertEquals(Optional.empty(), ValueChecks.problem("net.ipv4.tcp_rmem", "4096 87380 33554432"));
        assertTrue(ValueChecks.problem("net.ipv4.tcp_rmem", "4096 87380 1024").orElseThrow()
                .contains("not ordered min <= default <= max"));
        assertTrue(ValueChecks.problem("net.ipv4.tcp_wmem", "4096 65536").orElseThrow()
                .contains("takes three numbers"));
        assertEquals(Optional.empty(), ValueChecks.problem("net.core.somaxconn", "1 2 0"));
    }

    @Test
    void bufferMaximumAboveItsCoreLimitIsAWarning() {
        var wanted = Map.of("net.ipv4.tcp_rmem", "4096 87380 33554432", "net.ipv4.tcp_wmem", "4096 65536 33554432",
                "net.core.wmem_max", "33554432");

        var warnings = ValueChecks.warnings(wanted, key -> key.equals("net.core.rmem_max")
                ? Optional.of("212992") : Optional.empty());

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.getFirst().startsWith("net.ipv4.tcp_rmem max 33554432 is above net.core.rmem_max 212992"));
        assertTrue(warnings.getFirst().contains("SO_RCVBUF"));
        assertEquals(List.of(), ValueChecks.warnings(Map.of("net.ipv4.tcp_rmem", "4096 87380 33554432",
                "net.core.rmem_max", "33554432"), key -> Optional.empty()));
    }
}

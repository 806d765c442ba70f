package io.kforge.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLoaderTest {

    @TempDir
    Path folder;

    @Test
    void containersSetsExactlyTheFourBufferValues() {
        var loaded = ProfileLoader.load(List.of("containers"));

        assertEquals(List.of(), loaded.problems());
        assertEquals(Map.of(
                "net.core.rmem_max", "33554432",
                "net.core.wmem_max", "33554432",
                "net.ipv4.tcp_rmem", "4096 87380 33554432",
                "net.ipv4.tcp_wmem", "4096 65536 33554432"), values(loaded));
    }

    @Test
    void networkServicesTunesBuffersAndConnectionRate() {
        var values = values(ProfileLoader.load(List.of("network-services")));

        for (var key : List.of("net.core.rmem_max", "net.core.wmem_max", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem",
                "net.core.somaxconn", "net.core.netdev_max_backlog", "net.ipv4.tcp_max_tw_buckets")) {
            assertTrue(values.containsKey(key), key);
        }
        assertEquals("8192", values.get("net.core.somaxconn"));
    }

    @Test
    void kubernetesNodeHasForwardingBridgeFilteringAndLimits() {
        var values = values(ProfileLoader.load(List.of("kubernetes-node")));

        assertEquals("1", values.get("net.ipv4.ip_forward"));
        assertEquals("1", values.get("net.bridge.bridge-nf-call-iptables"));
        assertEquals("1", values.get("net.bridge.bridge-nf-call-ip6tables"));
        for (var key : List.of("fs.inotify.max_user_watches", "fs.inotify.max_user_instances", "kernel.pid_max",
                "vm.max_map_count")) {
            assertTrue(values.containsKey(key), key);
        }
        assertTrue(ProfileLoader.builtIn("kubernetes-node").orElseThrow().contains("br_netfilter"));
    }

    @Test
    void everyBuiltInKeyHasACommentJustAboveItAndNoCheckFails() {
        for (var name : ProfileLoader.BUILT_INS) {
            var lines = ProfileLoader.builtIn(name).orElseThrow().lines().toList();
            var loaded = ProfileLoader.load(List.of(name));

            assertEquals(List.of(), loaded.problems(), name);
            for (var setting : loaded.settings()) {
                int line = Integer.parseInt(setting.origin().substring(setting.origin().lastIndexOf(':') + 1));
                assertTrue(lines.get(line - 2).startsWith("#"), setting.origin() + " has no comment above it");
                ValueChecks.problem(setting.key().dotted(), setting.value().orElseThrow())
                        .ifPresent(p -> { throw new AssertionError(setting.origin() + ": " + p); });
            }
        }
    }

    @Test
    void includedProfilesComeFirstSoTheIncludingFileWins() throws IOException {
        Files.createDirectories(folder.resolve("base"));
        Files.writeString(folder.resolve("base/extra.conf"), "net.core.somaxconn = 1024\nnet.ipv4.ip_forward = 1\n");
        Files.writeString(folder.resolve("web.conf"), """
                net.core.somaxconn = 8192
                #include containers base/extra.conf
                """);

        var loaded = ProfileLoader.load(List.of(folder.resolve("web.conf").toString()));

        assertEquals(List.of(), loaded.problems());
        assertEquals(List.of("built-in containers", folder.resolve("base/extra.conf").toString()),
                loaded.sources().subList(1, 3));
        assertEquals("8192", values(loaded).get("net.core.somaxconn"));
        assertEquals("33554432", values(loaded).get("net.core.rmem_max"));
        assertEquals("1", values(loaded).get("net.ipv4.ip_forward"));
    }

    @Test
    void yamlProfileIncludesAndReportsProblemsWithLines() throws IOException {
        Files.writeString(folder.resolve("api.yaml"), """
                description: API servers
                include: [network-services]
                sysctl:
                  net.core.somaxconn: 16384
                  net.ipv4.tcp_rmem: 4096 131072 16777216
                  -net.ipv4.tcp_tw_recycle: 0
                  net.ipv4.ip_forward: true
                colour: blue
                """);

        var loaded = ProfileLoader.load(List.of(folder.resolve("api.yaml").toString()));

        var file = folder.resolve("api.yaml").toString();
        assertEquals(List.of(file + ":7: net.ipv4.ip_forward needs a number or a string (write 1 or 0 for on and off)",
                file + ":8: unknown field 'colour' (known: description, include, sysctl)"), loaded.problems());
        assertEquals("16384", values(loaded).get("net.core.somaxconn"));
        assertEquals("4096 131072 16777216", values(loaded).get("net.ipv4.tcp_rmem"));
        var recycle = loaded.settings().stream().filter(s -> s.key().dotted().equals("net.ipv4.tcp_tw_recycle"))
                .findFirst().orElseThrow();
        assertTrue(recycle.optional());
        assertEquals(file + ":6", recycle.origin());
    }

    @Test
    void includeCyclesAndUnknownProfilesAreReportedNotFollowedForever() throws IOException {
        Files.writeString(folder.resolve("a.conf"), "#include b.conf\nnet.core.somaxconn = 1\n");
        Files.writeString(folder.resolve("b.conf"), "#include a.conf nosuch\n");

        var loaded = ProfileLoader.load(List.of(folder.resolve("a.conf").toString(), "nosuch-either"));

        assertEquals(3, loaded.problems().size(), String.join("\n", loaded.problems()));
        assertTrue(loaded.problems().get(0).startsWith(folder.resolve("b.conf") + ":1: include cycle: "));
        assertTrue(loaded.problems().get(1).contains("no built-in profile 'nosuch'"));
        assertTrue(loaded.problems().get(2).startsWith("profile 'nosuch-either': no built-in profile"));
    }

    private static Map<String, String> values(LoadedProfiles loaded) {
        var values = new LinkedHashMap<String, String>();
        loaded.settings().forEach(s -> values.put(s.key().dotted(), SysctlValues.tidy(s.value().orElseThrow())));
        return values;
    }
}

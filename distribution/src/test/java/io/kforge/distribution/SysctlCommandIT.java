package io.kforge.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kforge.testkit.TestKernels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kforge sysctl} from the image, on a network namespace this test creates and in a booted guest; the host's
 * own values are never touched.
 */
class SysctlCommandIT {

    @TempDir
    Path folder;

    private final String namespace = "kforge-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void createNamespace() throws Exception {
        assertEquals(0, new ProcessBuilder("ip", "netns", "add", namespace).inheritIO().start().waitFor());
    }

    @AfterEach
    void deleteNamespace() throws Exception {
        new ProcessBuilder("ip", "netns", "delete", namespace).inheritIO().start().waitFor();
    }

    @Test
    void applyVerifyAndRollbackInANetworkNamespace() throws Exception {
        var before = read("net/core/somaxconn");
        var profile = Files.writeString(folder.resolve("web.conf"), "net.core.somaxconn = 8192\n");
        var common = new String[] {"--profile", profile.toString(), "--target", "netns:" + namespace, "--json",
                "--workspace", folder.resolve("ws").toString()};

        var applied = Image.kforge(concat("sysctl", "apply", common));
        var verified = Image.kforge(concat("sysctl", "verify", common));
        var afterApply = read("net/core/somaxconn");
        var rolledBack = Image.kforge(concat("sysctl", "rollback", common));

        assertEquals(0, applied.exitCode(), applied.err());
        var entry = json.readTree(applied.out()).at("/entries/0");
        assertEquals("net.core.somaxconn", entry.get("key").asText());
        assertEquals("changed", entry.get("status").asText());
        assertEquals("netns", entry.get("scope").asText());
        assertTrue(json.readTree(applied.out()).get("applied").asBoolean());
        assertEquals(0, verified.exitCode(), verified.err());
        assertEquals("8192", afterApply);
        assertEquals(0, rolledBack.exitCode(), rolledBack.err());
        assertEquals(before, read("net/core/somaxconn"));
    }

    @Test
    void planNamesGlobalKeysInsideANamespaceBeforeWritingAnything() throws Exception {
        var run = Image.kforge("sysctl", "plan", "--profile", "containers", "--target", "netns:" + namespace,
                "--json", "--workspace", folder.resolve("ws").toString());

        assertEquals(1, run.exitCode(), run.err());
        var plan = json.readTree(run.out());
        assertEquals("global", byKey(plan).get("net.core.rmem_max").get("scope").asText());
        assertEquals("read-only", byKey(plan).get("net.core.rmem_max").get("status").asText());
        assertEquals("netns", byKey(plan).get("net.ipv4.tcp_rmem").get("scope").asText());
        assertTrue(plan.get("problems").size() > 0, plan.toString());
    }

    @Test
    void containersProfileInABootedGuest() throws Exception {
        var kernel = TestKernels.qemuMinimal();

        var run = Image.kforge("sysctl", "apply", "--profile", "containers", "--target", "guest", "--kernel",
                kernel.image().toString(), "--config", kernel.config().toString(), "--json",
                "--workspace", folder.resolve("ws").toString());

        assertEquals(0, run.exitCode(), run.err());
        var outcome = json.readTree(run.out());
        assertTrue(outcome.get("applied").asBoolean(), outcome.toString());
        assertEquals("4096 87380 33554432",
                byKey(outcome).get("net.ipv4.tcp_rmem").get("actual").asText().replaceAll("\\s+", " "));
        assertEquals(4, outcome.get("entries").size());
    }

    private static Map<String, JsonNode> byKey(JsonNode document) {
        var entries = new HashMap<String, JsonNode>();
        document.get("entries").forEach(e -> entries.put(e.get("key").asText(), e));
        return entries;
    }

    private String read(String path) throws Exception {
        var process = new ProcessBuilder("ip", "netns", "exec", namespace, "cat", "/proc/sys/" + path).start();
        var value = new String(process.getInputStream().readAllBytes()).strip();
        assertEquals(0, process.waitFor());
        return value;
    }

    private static String[] concat(String first, String second, String... rest) {
        var all = new String[rest.length + 2];
        all[0] = first;
        all[1] = second;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }
}

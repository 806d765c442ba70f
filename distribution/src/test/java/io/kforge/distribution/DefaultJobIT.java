package io.kforge.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The default job end to end from the jlink image: the 6.12 tree from /usr/src, tinyconfig + qemu-minimal, a gcc
 * build, a QEMU boot, the smoke checks and the containers sysctl profile applied and read back in the guest.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DefaultJobIT {

    private static final Map<String, String> CONTAINERS = Map.of(
            "net.core.rmem_max", "33554432",
            "net.core.wmem_max", "33554432",
            "net.ipv4.tcp_rmem", "4096 87380 33554432",
            "net.ipv4.tcp_wmem", "4096 65536 33554432");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    @Order(1)
    void defaultJobBuildsBootsAndTunesTheKernel() throws Exception {
        var run = Image.kforge("up", "--json", "--workspace", Image.sharedWorkspace().toString());

        assertEquals(0, run.exitCode(), () -> "exit code; stderr:\n" + run.err() + "\nstdout:\n" + run.out());
        var result = json.readTree(run.out());
        assertTrue(result.at("/source/version").asText().startsWith("6.12."), result.at("/source").toString());
        assertTrue(Files.isRegularFile(Path.of(result.at("/config/path").asText())));
        assertEquals(0, result.at("/config/dropped").size(), result.at("/config/dropped").toString());
        assertTrue(Files.isRegularFile(Path.of(result.at("/build/image").asText())));
        assertTrue(result.at("/build/seconds").asDouble() > 0);
        var release = result.at("/build/kernelRelease").asText();
        assertTrue(release.startsWith("6.12."), release);
        assertTrue(result.at("/boot/ok").asBoolean(), result.at("/boot").toString());
        assertEquals(release, result.at("/boot/kernelRelease").asText());
        assertTrue(Map.of("kvm", 1, "tcg", 1).containsKey(result.at("/boot/accel").asText()));
        assertTrue(Files.isRegularFile(Path.of(result.at("/boot/console").asText())));
        assertTrue(result.at("/sysctl/verified").asBoolean(), result.at("/sysctl").toString());
        assertEquals(CONTAINERS, readBack(result.at("/sysctl/results")));
        assertTrue(run.err().contains("[build]"), "progress lines on stderr: " + run.err());
    }

    @Test
    @Order(2)
    void secondRunReusesTheBuildAndPrintsAHumanSummary() throws Exception {
        var run = Image.kforge("up", "--workspace", Image.sharedWorkspace().toString());

        assertEquals(0, run.exitCode(), () -> "exit code; stderr:\n" + run.err());
        assertTrue(run.out().contains("cached"), run.out());
        assertTrue(run.out().contains("guest runs Linux 6.12."), run.out());
        assertTrue(run.out().contains("net.ipv4.tcp_rmem = 4096 87380 33554432"), run.out());
        assertTrue(run.out().contains("kforge: done"), run.out());
    }

    private static Map<String, String> readBack(JsonNode results) {
        var values = new HashMap<String, String>();
        StreamSupport.stream(results.spliterator(), false).forEach(entry -> {
            assertTrue(entry.get("ok").asBoolean(), entry.toString());
            values.put(entry.get("key").asText(), entry.get("actual").asText().replaceAll("\\s+", " "));
        });
        return values;
    }
}

package io.kforge.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kforge.testkit.TestKernels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kforge boot} from the image on a real kernel: a command's output and exit code come back as kforge's own.
 */
class BootCommandIT {

    @TempDir
    Path workspace;

    @Test
    void execPrintsTheGuestsKernelReleaseAsJson() throws Exception {
        var kernel = TestKernels.qemuMinimal();

        var run = Image.kforge("boot", "--kernel", kernel.image().toString(), "--config", kernel.config().toString(),
                "--kvm", "off", "--exec", "uname -r", "--json", "--workspace", workspace.toString());

        assertEquals(0, run.exitCode(), run.err());
        var result = new ObjectMapper().readTree(run.out());
        assertEquals(kernel.release(), result.at("/exec/output").asText().strip());
        assertEquals(0, result.at("/exec/exitCode").asInt());
        assertEquals("tcg", result.at("/accel").asText());
        assertEquals(kernel.release(), result.at("/kernelRelease").asText());
        assertTrue(result.at("/ok").asBoolean(), result.toString());
        assertTrue(Files.isRegularFile(Path.of(result.at("/console").asText())));
    }

    @Test
    void exitCodeIsTheGuestCommandsOwn() throws Exception {
        var kernel = TestKernels.qemuMinimal();

        var run = Image.kforge("boot", "--kernel", kernel.image().toString(), "--kvm", "off",
                "--exec", "echo to-stdout; echo to-stderr >&2; exit 7", "--workspace", workspace.toString());

        assertEquals(7, run.exitCode(), run.err());
        assertEquals("to-stdout\nto-stderr\n", run.out());
    }

    @Test
    void preflightRefusesAKernelWithoutSerialConsoleBeforeStartingQemu() throws Exception {
        var kernel = TestKernels.qemuMinimal();
        var config = Files.readString(kernel.config()).replace("CONFIG_SERIAL_8250_CONSOLE=y",
                "# CONFIG_SERIAL_8250_CONSOLE is not set");
        var broken = Files.writeString(workspace.resolve("no-console.config"), config);

        var run = Image.kforge("boot", "--kernel", kernel.image().toString(), "--config", broken.toString(),
                "--kvm", "off", "--workspace", workspace.resolve("ws").toString());

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("SERIAL_8250_CONSOLE"), run.err());
    }
}

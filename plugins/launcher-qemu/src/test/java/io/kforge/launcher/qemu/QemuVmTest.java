package io.kforge.launcher.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.Workspace;
import io.kforge.core.spi.KvmMode;
import io.kforge.core.spi.Vm;
import io.kforge.testkit.RecordingListener;
import io.kforge.testkit.TestKernels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands in one guest booted under TCG: what they print and how they end comes back unchanged. */
class QemuVmTest {

    @TempDir
    static Path workspace;

    private static Vm vm;

    @BeforeAll
    static void boot() {
        var spec = TestBoots.spec(KvmMode.OFF, Duration.ofSeconds(60), List.of());
        var context = Workspace.at(workspace).context("boot", new RecordingListener());
        vm = new QemuLauncher(new KvmCheck(Path.of("/dev/kvm"))).start(spec, context);
    }

    @AfterAll
    static void powerOff() {
        vm.close();
    }

    @Test
    void theRunningKernelIsTheBuiltOne() {
        var built = TestKernels.qemuMinimal().release();

        assertEquals(built, vm.kernelRelease());
        assertEquals(built + "\n", vm.exec("uname -r").output());
    }

    @Test
    void outputAndExitStatusComeBackAsTheGuestGaveThem() {
        var result = vm.exec("echo out; echo err >&2; exit 42");

        assertEquals("out\nerr\n", result.output());
        assertEquals(42, result.exitCode());
    }

    @Test
    void quotesAndOutputWithoutATrailingNewlineSurvive() {
        var result = vm.exec("printf '%s\\n%s' \"it's\" 'say \"hi\" $HOME `x`'");

        assertEquals("it's\nsay \"hi\" $HOME `x`", result.output());
        assertEquals(0, result.exitCode());
    }

    @Test
    void aCommandLineWithNewlinesRunsEveryLine() {
        var result = vm.exec("echo one\necho two\nfalse");

        assertEquals("one\ntwo\n", result.output());
        assertEquals(1, result.exitCode());
    }

    @Test
    void trailingEmptyLinesAndEmptyOutputAreKept() {
        assertEquals("x\n\n\n", vm.exec("printf 'x\\n\\n\\n'").output());
        assertEquals("", vm.exec("true").output());
    }

    @Test
    void longOutputArrivesWhole() {
        var result = vm.exec("seq 1 20000");

        var lines = result.output().lines().toList();
        assertEquals(20000, lines.size());
        assertEquals("20000", lines.getLast());
    }

    @Test
    void commandsDoNotReadTheConsole() {
        var result = vm.exec("cat; echo after");

        assertEquals("after\n", result.output());
    }

    @Test
    void theGuestHasProcSysAndDevtmpfsMounted() {
        var result = vm.exec("grep -E ' (/proc|/sys|/dev) ' /proc/mounts | cut -d' ' -f2,3");

        assertEquals("/proc proc\n/sys sysfs\n/dev devtmpfs\n", result.output());
    }

    @Test
    void theConsoleLogHoldsTheKernelsBootMessages() throws Exception {
        var log = Files.readString(vm.consoleLog());

        assertTrue(log.contains("Linux version " + TestKernels.qemuMinimal().release()), log);
        assertTrue(log.contains(ConsoleShell.READY.strip()), log);
    }
}

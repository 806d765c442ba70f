package io.kforge.launcher.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.Workspace;
import io.kforge.core.spi.BootSpec;
import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.KvmMode;
import io.kforge.core.spi.StageContext;
import io.kforge.testkit.RecordingListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boots under TCG from start to end: failures on the way, time limits, power-off, and nothing left running. */
class QemuLauncherTest {

    @TempDir
    Path workspace;

    private final QemuLauncher launcher = new QemuLauncher(new KvmCheck(Path.of("/dev/kvm")));

    @AfterEach
    void noQemuIsLeft() {
        assertEquals(List.of(), TestBoots.qemuChildren());
    }

    @Test
    void closePowersTheGuestOffAndEndsQemu() {
        var listener = new RecordingListener();
        var vm = launcher.start(TestBoots.spec(KvmMode.OFF, Duration.ofSeconds(60), List.of()),
                Workspace.at(workspace).context("boot", listener));
        assertEquals(1, TestBoots.qemuChildren().size());

        vm.close();

        assertEquals(List.of(), TestBoots.qemuChildren());
        assertTrue(listener.lines().contains("the guest powered off"), listener.lines().toString());
    }

    @Test
    void theQemuCommandIsLoggedSoAUserCanRepeatIt() {
        var listener = new RecordingListener();
        var context = new CommandRecordingContext(workspace, listener);

        try (var vm = launcher.start(TestBoots.spec(KvmMode.OFF, Duration.ofSeconds(60), List.of()), context)) {
            var command = context.started().getFirst().display();
            assertTrue(listener.lines().contains("running " + command), listener.lines().toString());
            assertEquals("tcg", vm.accel());
            assertEquals(Optional.empty(), vm.accelNote());
        }
    }

    @Test
    void aCommandThatOutlivesTheTimeoutFailsWithTheConsoleTailAndTheShellRecovers() {
        try (var vm = launcher.start(TestBoots.spec(KvmMode.OFF, Duration.ofSeconds(10), List.of()),
                context())) {
            vm.exec("echo before-the-sleep");

            var error = assertThrows(KforgeException.class, () -> vm.exec("sleep 60"));

            assertTrue(error.getMessage().startsWith("'sleep 60' did not answer within 10 s"), error.getMessage());
            assertTrue(error.getMessage().contains("last console lines"), error.getMessage());
            assertEquals("back\n", vm.exec("echo back").output());
        }
    }

    @Test
    void aGuestThatDiesMakesExecFailWithTheEndOfItsConsole() {
        try (var vm = launcher.start(TestBoots.spec(KvmMode.OFF, Duration.ofSeconds(30), List.of()),
                context())) {

            var error = assertThrows(KforgeException.class, () -> vm.exec("echo going down; reboot -f"));

            assertTrue(error.getMessage().startsWith("the guest has gone while running"), error.getMessage());
            assertTrue(error.getMessage().contains("going down"), error.getMessage());
            assertThrows(KforgeException.class, () -> vm.exec("true"));
        }
    }

    @Test
    void aKernelPanicDuringBootIsReportedWithTheConsoleTail() {
        var spec = TestBoots.spec(KvmMode.OFF, Duration.ofSeconds(60),
                List.of("rdinit=/nonexistent", "init=/nonexistent"));

        var error = assertThrows(KforgeException.class, () -> launcher.start(spec,
                context()));

        assertTrue(error.getMessage().startsWith("the guest ended before kforge's shell answered"),
                error.getMessage());
        assertTrue(error.getMessage().contains("Kernel panic"), error.getMessage());
    }

    @Test
    void aUsersInitramfsIsThereUnderKforgesShell() throws Exception {
        var own = workspace.resolve("own.cpio.gz");
        try (var cpio = new CpioArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(own)))) {
            var folder = new CpioArchiveEntry("etc");
            folder.setMode(CpioConstants.C_ISDIR | 0755);
            cpio.putArchiveEntry(folder);
            cpio.closeArchiveEntry();
            var marker = new CpioArchiveEntry("etc/marker");
            marker.setMode(CpioConstants.C_ISREG | 0644);
            marker.setSize(5);
            cpio.putArchiveEntry(marker);
            cpio.write("kept\n".getBytes(StandardCharsets.UTF_8));
            cpio.closeArchiveEntry();
        }
        var spec = TestBoots.withInitramfs(TestBoots.spec(KvmMode.OFF, Duration.ofSeconds(60), List.of()), own);

        try (var vm = launcher.start(spec, context())) {
            assertEquals("kept\n", vm.exec("cat /etc/marker").output());
        }
    }

    @Test
    void c10_aKernelWithoutTheSerialConsoleIsRefusedBeforeQemuStarts() {
        var context = new CommandRecordingContext(workspace, new RecordingListener());
        var spec = TestBoots.withConfig(TestBoots.spec(KvmMode.OFF, Duration.ofSeconds(60), List.of()),
                Optional.of(KernelConfigs.get(KernelConfigs.NO_SERIAL_CONSOLE)));

        var error = assertThrows(InvalidInputException.class, () -> launcher.start(spec, context));

        assertTrue(error.getMessage().contains("CONFIG_SERIAL_8250_CONSOLE"), error.getMessage());
        assertEquals(List.of(), context.started());
    }

    @Test
    void c10_consoleOnHvc0IsRefusedBeforeQemuStarts() {
        var context = new CommandRecordingContext(workspace, new RecordingListener());
        var spec = TestBoots.spec(KvmMode.OFF, Duration.ofSeconds(60), List.of("console=hvc0"));

        var error = assertThrows(InvalidInputException.class, () -> launcher.start(spec, context));

        assertTrue(error.getMessage().contains("console=hvc0"), error.getMessage());
        assertEquals(List.of(), context.started());
    }

    @Test
    void c10_aGuestThatPrintsNothingIsStoppedAtTheBootTimeout() {
        var context = new CommandRecordingContext(workspace, new RecordingListener());
        var spec = TestBoots.withConfig(TestBoots.spec(KvmMode.OFF, Duration.ofSeconds(10),
                List.of("console=hvc0", "rdinit=/nonexistent", "init=/nonexistent", "panic=0")), Optional.empty());

        var error = assertThrows(KforgeException.class, () -> launcher.start(spec, context));

        assertTrue(error.getMessage().startsWith("no console output within 10 s"), error.getMessage());
        assertEquals(List.of(), TestBoots.qemuChildren());
        assertEquals(1, context.started().size());
    }

    @Test
    void c10_aGuestThatPrintsNothingAndEndsIsReportedAsNoConsoleOutput() {
        var spec = TestBoots.withConfig(TestBoots.spec(KvmMode.OFF, Duration.ofSeconds(30),
                List.of("console=hvc0", "rdinit=/nonexistent", "init=/nonexistent")), Optional.empty());

        var error = assertThrows(KforgeException.class, () -> launcher.start(spec,
                context()));

        assertTrue(error.getMessage().startsWith("no console output: QEMU ended after"), error.getMessage());
    }

    @Test
    void aMissingKernelImageIsAnInputError() {
        var spec = TestBoots.spec(KvmMode.OFF, Duration.ofSeconds(60), List.of());
        var missing = new BootSpec(workspace.resolve("bzImage"), Optional.empty(),
                Optional.empty(), List.of(), 256, 1, KvmMode.OFF, spec.timeout());

        var error = assertThrows(InvalidInputException.class, () -> launcher.start(missing,
                context()));

        assertTrue(error.getMessage().contains(workspace.resolve("bzImage").toString()), error.getMessage());
    }

    @Test
    void probeReportsQemuAndBusyboxVersions() {
        var probe = launcher.probe();

        assertTrue(probe.usable(), probe.missing().toString());
        assertTrue(probe.found().get("qemu-system-x86_64").matches("\\d+\\.\\d+.*"), probe.found().toString());
        assertTrue(probe.found().get("busybox").startsWith(StaticBusybox.host().version()), probe.found().toString());
        assertFalse(probe.found().containsKey("kvm"));
    }

    @Test
    void theConsoleLogIsKeptAfterTheVmEnds() throws Exception {
        Path log;
        try (var vm = launcher.start(TestBoots.spec(KvmMode.OFF, Duration.ofSeconds(60), List.of()),
                context())) {
            vm.exec("echo kept-in-the-log");
            log = vm.consoleLog();
        }

        assertTrue(Files.readString(log).contains("kept-in-the-log"));
        assertTrue(log.startsWith(workspace), log.toString());
    }

    /** The context the pipeline would give the boot stage, on this test's workspace. */
    private StageContext context() {
        return Workspace.at(workspace).context("boot", new RecordingListener());
    }
}

package io.kforge.launcher.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kforge.core.Workspace;
import io.kforge.core.spi.BootSpec;
import io.kforge.core.spi.Command;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.KvmMode;
import io.kforge.core.spi.StageContext;
import io.kforge.testkit.RecordingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * C11: KVM is used only when it really works. The missing-device cases run anywhere; the hanging-KVM cases need a
 * host whose {@code /dev/kvm} cannot run guests (this machine's), and are skipped where KVM boots the guest.
 */
class KvmFallbackTest {

    private static final Path HOST_KVM = Path.of("/dev/kvm");

    @TempDir
    Path workspace;

    @AfterEach
    void noQemuIsLeft() {
        assertEquals(List.of(), TestBoots.qemuChildren());
    }

    @Test
    void c11_autoBootsUnderTcgAndSaysWhyWhenTheDeviceIsMissing() {
        var listener = new RecordingListener();
        var context = new CommandRecordingContext(workspace, listener);
        var launcher = new QemuLauncher(new KvmCheck(workspace.resolve("kvm")));

        try (var vm = launcher.start(spec(KvmMode.AUTO), context)) {
            var reason = vm.accelNote().orElseThrow();
            assertEquals("tcg", vm.accel());
            assertTrue(reason.contains("does not exist"), reason);
            assertEquals(List.of("KVM not used: " + reason + "; the guest runs under TCG, which is much slower"),
                    listener.warnings());
            assertEquals(List.of("tcg"), accels(context));
        }
    }

    @Test
    void c11_requireFailsBeforeStartingQemuWhenTheDeviceIsMissing() {
        var context = new CommandRecordingContext(workspace, new RecordingListener());
        var launcher = new QemuLauncher(new KvmCheck(workspace.resolve("kvm")));

        var error = assertThrows(KforgeException.class, () -> launcher.start(spec(KvmMode.REQUIRE), context));

        assertTrue(error.getMessage().startsWith("KVM is required (kvm: require) but cannot be used: "
                + workspace.resolve("kvm") + " does not exist"), error.getMessage());
        assertEquals(List.of(), context.started());
    }

    @Test
    void c11_offNeverTriesKvm() {
        var listener = new RecordingListener();
        var context = new CommandRecordingContext(workspace, listener);

        try (var vm = new QemuLauncher(new KvmCheck(HOST_KVM)).start(spec(KvmMode.OFF), context)) {
            assertEquals("tcg", vm.accel());
            assertEquals(Optional.empty(), vm.accelNote());
            assertEquals(List.of(), listener.warnings());
            assertEquals(List.of("tcg"), accels(context));
        }
    }

    @Test
    void c11_autoFallsBackToTcgWhenGuestsHangUnderKvm() {
        assumeTrue(Files.exists(HOST_KVM), "no /dev/kvm on this host");
        var listener = new RecordingListener();
        var context = new CommandRecordingContext(workspace, listener);

        try (var vm = new QemuLauncher(new KvmCheck(HOST_KVM)).start(spec(KvmMode.AUTO), context)) {
            assumeFalse(vm.accel().equals("kvm"), "KVM runs guests on this host");
            var reason = vm.accelNote().orElseThrow();
            assertTrue(reason.contains("printed nothing on its serial console within 5 s"), reason);
            assertEquals(List.of("KVM not used: " + reason + "; the guest runs under TCG, which is much slower"),
                    listener.warnings());
            assertEquals(List.of("kvm", "tcg"), accels(context));
        }
    }

    @Test
    void c11_aSecondBootRemembersThatKvmHangsAndDoesNotProbeAgain() {
        assumeTrue(Files.exists(HOST_KVM), "no /dev/kvm on this host");
        var launcher = new QemuLauncher(new KvmCheck(HOST_KVM));
        try (var first = launcher.start(spec(KvmMode.AUTO), context())) {
            assumeFalse(first.accel().equals("kvm"), "KVM runs guests on this host");
        }
        var listener = new RecordingListener();
        var context = new CommandRecordingContext(workspace, listener);

        try (var second = launcher.start(spec(KvmMode.AUTO), context)) {
            assertEquals("tcg", second.accel());
            assertEquals(List.of("tcg"), accels(context));
            assertEquals(1, listener.warnings().size());
        }
    }

    @Test
    void c11_requireFailsWithoutStartingQemuOnceKvmIsKnownToHang() {
        assumeTrue(Files.exists(HOST_KVM), "no /dev/kvm on this host");
        var launcher = new QemuLauncher(new KvmCheck(HOST_KVM));
        String reason;
        try (var first = launcher.start(spec(KvmMode.AUTO), context())) {
            assumeFalse(first.accel().equals("kvm"), "KVM runs guests on this host");
            reason = first.accelNote().orElseThrow();
        }
        var context = new CommandRecordingContext(workspace, new RecordingListener());

        var error = assertThrows(KforgeException.class, () -> launcher.start(spec(KvmMode.REQUIRE), context));

        assertEquals("KVM is required (kvm: require) but cannot be used: " + reason
                + "; use kvm: auto to fall back to TCG, or kvm: off", error.getMessage());
        assertEquals(List.of(), context.started());
    }

    @Test
    void c11_requireFailsAfterTheProbeWhenGuestsHangUnderKvm() {
        assumeTrue(Files.exists(HOST_KVM), "no /dev/kvm on this host");
        var context = new CommandRecordingContext(workspace, new RecordingListener());
        var launcher = new QemuLauncher(new KvmCheck(HOST_KVM));

        var error = failure(() -> launcher.start(spec(KvmMode.REQUIRE), context).close());

        assertTrue(error.getMessage().contains("printed nothing on its serial console within 5 s"), error.getMessage());
        assertEquals(List.of("kvm"), accels(context));
    }

    /** Runs a boot expected to fail, and skips the test when it succeeds because KVM works here. */
    private static KforgeException failure(Runnable boot) {
        try {
            boot.run();
        } catch (KforgeException e) {
            return e;
        }
        assumeTrue(false, "KVM runs guests on this host");
        throw new IllegalStateException("unreachable: the assumption above aborts the test");
    }

    /** The context the pipeline would give the boot stage, on this test's workspace. */
    private StageContext context() {
        return Workspace.at(workspace).context("boot", new RecordingListener());
    }

    private static BootSpec spec(KvmMode kvm) {
        return TestBoots.spec(kvm, Duration.ofSeconds(60), List.of());
    }

    /** The accelerator of each QEMU the launcher started, in order. */
    private static List<String> accels(CommandRecordingContext context) {
        return context.started().stream().map(Command::arguments)
                .map(arguments -> arguments.get(arguments.indexOf("-accel") + 1))
                .toList();
    }
}

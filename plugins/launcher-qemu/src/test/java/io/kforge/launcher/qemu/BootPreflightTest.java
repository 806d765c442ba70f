package io.kforge.launcher.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.spi.InvalidInputException;
import io.kforge.testkit.TestKernels;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BootPreflightTest {

    @Test
    void theQemuMinimalProfileBootsOnKforgesInitramfs() {
        var preflight = BootPreflight.of(KernelConfigs.get(KernelConfigs.QEMU_MINIMAL));

        assertEquals(List.of(), preflight.initramfsBoot(List.of()));
    }

    @Test
    void theTestKernelPassesThePreflight() {
        var preflight = BootPreflight.of(TestKernels.qemuMinimal().config());

        assertEquals(List.of(), preflight.initramfsBoot(List.of("console=ttyS0,115200n8", "loglevel=7")));
    }

    @Test
    void c10_serialPortWithoutItsConsoleIsNamed() {
        var config = KernelConfigs.get(KernelConfigs.NO_SERIAL_CONSOLE);

        var problems = BootPreflight.of(config).initramfsBoot(List.of());

        assertEquals(Set.of("CONFIG_SERIAL_8250_CONSOLE"), subjects(problems));
        var message = problems.getFirst().message();
        assertTrue(message.startsWith(config + ":"), message);
        assertTrue(message.contains("is not set") && message.contains("set CONFIG_SERIAL_8250_CONSOLE=y"), message);
    }

    @Test
    void c10_tinyconfigIsRefusedForEveryMissingOption() {
        var problems = BootPreflight.of(KernelConfigs.get(KernelConfigs.TINY)).initramfsBoot(List.of());

        assertEquals(Set.of("CONFIG_SERIAL_8250", "CONFIG_SERIAL_8250_CONSOLE", "CONFIG_BLK_DEV_INITRD",
                "CONFIG_RD_GZIP", "CONFIG_BINFMT_ELF", "CONFIG_BINFMT_SCRIPT", "CONFIG_DEVTMPFS", "CONFIG_PROC_FS",
                "CONFIG_SYSFS"), subjects(problems));
    }

    @Test
    void c10_consoleOnHvc0IsAMismatchWithTheCapturedSerialPort() {
        var preflight = BootPreflight.of(KernelConfigs.get(KernelConfigs.QEMU_MINIMAL));

        var problems = preflight.initramfsBoot(List.of("console=hvc0"));

        assertEquals(Set.of("console=hvc0"), subjects(problems));
        assertTrue(problems.getFirst().message().contains("console=ttyS0"), problems.getFirst().message());
    }

    @Test
    void c10_aSecondConsoleBesideTtyS0IsAccepted() {
        var preflight = BootPreflight.of(KernelConfigs.get(KernelConfigs.QEMU_MINIMAL));

        assertEquals(List.of(), preflight.initramfsBoot(List.of("console=hvc0 console=ttyS0")));
    }

    @Test
    void c09_diskDriversBuiltAsModulesAreNamedAsNeedingY() {
        var config = KernelConfigs.get(KernelConfigs.DISK_DRIVERS_AS_MODULES);

        var problems = BootPreflight.of(config).diskBoot("/dev/vda1", List.of("root=/dev/vda1", "console=ttyS0"));

        assertEquals(Set.of("CONFIG_VIRTIO_BLK", "CONFIG_VIRTIO_PCI", "CONFIG_EXT4_FS"), subjects(problems));
        for (var problem : problems) {
            assertTrue(problem.message().contains(problem.subject() + "=m, but"), problem.message());
            assertTrue(problem.message().endsWith("set " + problem.subject() + "=y"), problem.message());
        }
    }

    @Test
    void c09_missingDevtmpfsAndDiskDriversAreNamed() {
        var problems = BootPreflight.of(KernelConfigs.get(KernelConfigs.NO_DEVTMPFS))
                .diskBoot("/dev/vda1", List.of());

        assertEquals(Set.of("CONFIG_VIRTIO_BLK", "CONFIG_VIRTIO_PCI", "CONFIG_EXT4_FS", "CONFIG_DEVTMPFS"),
                subjects(problems));
    }

    @Test
    void c09_rootFileSystemTypeComesFromRootfstype() {
        var problems = BootPreflight.of(KernelConfigs.get(KernelConfigs.DISK_DRIVERS_AS_MODULES))
                .diskBoot("/dev/vda1", List.of("rootfstype=xfs"));

        assertTrue(subjects(problems).contains("CONFIG_XFS_FS"), problems.toString());
    }

    @Test
    void c09_refusalIsAnInputErrorNamingEveryOption() {
        var preflight = BootPreflight.of(KernelConfigs.get(KernelConfigs.DISK_DRIVERS_AS_MODULES));
        var problems = preflight.diskBoot("/dev/vda1", List.of());

        var error = assertThrows(InvalidInputException.class, () -> preflight.refuse(problems));

        for (var option : List.of("CONFIG_VIRTIO_BLK", "CONFIG_VIRTIO_PCI", "CONFIG_EXT4_FS")) {
            assertTrue(error.getMessage().contains(option), error.getMessage());
        }
        assertTrue(error.getMessage().contains("QEMU was not started"), error.getMessage());
    }

    private static Set<String> subjects(List<PreflightProblem> problems) {
        return problems.stream().map(PreflightProblem::subject).collect(Collectors.toSet());
    }
}

package io.kforge.launcher.qemu;

import io.kforge.core.spi.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a kernel's {@code .config} against the way kforge boots it, so that a boot that cannot work is refused
 * before QEMU starts, naming every option to change, instead of ending in a blank console or a kernel panic.
 *
 * <p>kforge captures only the guest's first serial port and, on its own initramfs, talks to a busybox shell there,
 * so the serial driver and its console, initramfs support, ELF and script binaries, devtmpfs, /proc and /sys must
 * be built in. A disk boot has no initramfs, so the disk driver and root file system must be built in too: a
 * module cannot be loaded before the root file system it would be loaded from is mounted.
 */
final class BootPreflight {

    /** The console kforge captures. */
    static final String SERIAL_CONSOLE = "ttyS0";

    private final KernelConfig config;

    private BootPreflight(KernelConfig config) {
        this.config = config;
    }

    /**
     * Reads the {@code .config} to check against.
     *
     * @param configFile the kernel's {@code .config}
     * @return the preflight
     * @throws InvalidInputException when the file cannot be read
     */
    static BootPreflight of(Path configFile) {
        return new BootPreflight(KernelConfig.read(configFile));
    }

    /**
     * Lists what stops a boot on kforge's initramfs, whose shell answers on {@code ttyS0}.
     *
     * @param kernelArguments the user's kernel arguments
     * @return the problems, empty when the boot can work
     */
    List<PreflightProblem> initramfsBoot(List<String> kernelArguments) {
        var problems = new ArrayList<PreflightProblem>();
        need(problems, "SERIAL_8250", "the serial port kforge's shell answers on (" + SERIAL_CONSOLE + ")");
        console(problems, kernelArguments);
        need(problems, "BLK_DEV_INITRD", "loading kforge's initramfs");
        need(problems, "RD_GZIP", "unpacking kforge's gzip-compressed initramfs");
        need(problems, "BINFMT_ELF", "running the initramfs's busybox");
        need(problems, "BINFMT_SCRIPT", "running kforge's /init script");
        need(problems, "DEVTMPFS", "/dev in the guest");
        need(problems, "PROC_FS", "/proc in the guest");
        need(problems, "SYSFS", "/sys in the guest");
        return List.copyOf(problems);
    }

    /**
     * Lists what stops a boot from a disk without initramfs.
     *
     * @param rootDevice the root device, such as {@code /dev/vda1}
     * @param kernelArguments the user's kernel arguments; {@code rootfstype=} names the file system, ext4 otherwise
     * @return the problems, empty when the boot can work
     */
    List<PreflightProblem> diskBoot(String rootDevice, List<String> kernelArguments) {
        var problems = new ArrayList<PreflightProblem>();
        need(problems, "SERIAL_8250", "the serial port kforge captures (" + SERIAL_CONSOLE + ")");
        console(problems, kernelArguments);
        if (rootDevice.startsWith("/dev/vd")) {
            need(problems, "VIRTIO_BLK", "the virtio root disk " + rootDevice);
            need(problems, "VIRTIO_PCI", "finding the virtio root disk on QEMU's PCI bus");
        }
        var fileSystem = argument(kernelArguments, "rootfstype").orElse("ext4");
        need(problems, fileSystemOption(fileSystem), "mounting the " + fileSystem + " root file system");
        need(problems, "DEVTMPFS", "/dev on the root disk");
        return List.copyOf(problems);
    }

    /**
     * Throws when there are problems, naming every one.
     *
     * @param problems what {@link #initramfsBoot} or {@link #diskBoot} found
     * @throws InvalidInputException listing the problems, one per line
     */
    void refuse(List<PreflightProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        var options = problems.stream().map(PreflightProblem::subject).collect(Collectors.joining(", "));
        var lines = problems.stream().map(p -> "  " + p.message()).collect(Collectors.joining("\n"));
        throw new InvalidInputException("kernel config " + config.file() + " cannot boot under kforge as asked ("
                + options + "); QEMU was not started:\n" + lines);
    }

    /**
     * Returns the devices named by {@code console=} arguments, without their options.
     *
     * @param kernelArguments kernel arguments
     * @return the console devices in order, empty when none is given
     */
    static List<String> consoles(List<String> kernelArguments) {
        return kernelArguments.stream()
                .flatMap(argument -> List.of(argument.split("\\s+")).stream())
                .filter(word -> word.startsWith("console="))
                .map(word -> word.substring("console=".length()).split(",", 2)[0])
                .toList();
    }

    private void console(List<PreflightProblem> problems, List<String> kernelArguments) {
        var consoles = consoles(kernelArguments);
        if (consoles.isEmpty() || consoles.stream().anyMatch(BootPreflight::isFirstSerialPort)) {
            need(problems, "SERIAL_8250_CONSOLE", "kernel messages on console=" + SERIAL_CONSOLE);
            return;
        }
        for (var console : consoles) {
            problems.add(new PreflightProblem("console=" + console, config.file() + ": console=" + console
                    + " sends kernel messages to " + console + ", but kforge captures only the first serial port:"
                    + " boot with console=" + SERIAL_CONSOLE + " (or leave console= out)"));
        }
    }

    private static boolean isFirstSerialPort(String console) {
        return console.equals(SERIAL_CONSOLE) || console.startsWith("uart");
    }

    private void need(List<PreflightProblem> problems, String option, String purpose) {
        var value = config.value(option);
        if (value.equals("y")) {
            return;
        }
        var where = config.place(option).map(Object::toString).orElse(config.file().toString());
        var name = "CONFIG_" + option;
        var message = value.equals("m")
                ? where + ": " + name + "=m, but " + purpose + " needs it built in, before any module can load:"
                        + " set " + name + "=y"
                : where + ": " + name + " is not set, but " + purpose + " needs it: set " + name + "=y";
        problems.add(new PreflightProblem(name, message));
    }

    private static Optional<String> argument(List<String> kernelArguments, String name) {
        return kernelArguments.stream()
                .flatMap(argument -> List.of(argument.split("\\s+")).stream())
                .filter(word -> word.startsWith(name + "="))
                .map(word -> word.substring(name.length() + 1))
                .reduce((first, last) -> last);
    }

    private static String fileSystemOption(String fileSystem) {
        return switch (fileSystem) {
            case "ext2", "ext3", "ext4" -> "EXT4_FS";
            default -> fileSystem.toUpperCase(Locale.ROOT) + "_FS";
        };
    }
}

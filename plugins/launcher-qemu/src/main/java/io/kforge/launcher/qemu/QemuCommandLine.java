package io.kforge.launcher.qemu;

import io.kforge.core.spi.BootSpec;
import io.kforge.core.spi.Command;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@code qemu-system-x86_64} argument list for one boot.
 *
 * <p>No display and no monitor; the first serial port is a UNIX socket that QEMU serves and kforge connects to
 * ({@code wait=on}: the guest starts only once kforge listens, so not a byte is lost). {@code -no-reboot} turns a
 * guest reboot, and so a kernel panic with {@code panic=-1}, into the end of QEMU. The kernel command line starts
 * with {@code console=ttyS0} unless the user's arguments name a console of their own, then {@code panic=-1}, then
 * the user's arguments, which therefore win over kforge's.
 */
final class QemuCommandLine {

    /** The QEMU program, looked up on the {@code PATH}. */
    static final String PROGRAM = "qemu-system-x86_64";

    /** The id of the console chardev. */
    static final String CONSOLE_ID = "console";

    private QemuCommandLine() {
    }

    /**
     * Returns the command that boots a spec.
     *
     * @param spec the boot spec
     * @param initramfs the initramfs to load
     * @param socket where QEMU serves the serial console
     * @param accel the accelerator
     * @return the command
     */
    static Command of(BootSpec spec, Path initramfs, Path socket, Accel accel) {
        var arguments = new ArrayList<String>();
        arguments.addAll(List.of(PROGRAM, "-name", "kforge", "-nodefaults", "-no-user-config", "-no-reboot"));
        arguments.addAll(accel.arguments());
        arguments.addAll(List.of(
                "-m", Integer.toString(spec.memoryMiB()),
                "-smp", Integer.toString(spec.cpus()),
                "-kernel", spec.kernel().toAbsolutePath().toString(),
                "-initrd", initramfs.toAbsolutePath().toString(),
                "-append", kernelCommandLine(spec.kernelArguments()),
                "-display", "none",
                "-monitor", "none",
                "-chardev", "socket,id=" + CONSOLE_ID + ",path=" + option(socket.toAbsolutePath().toString())
                        + ",server=on,wait=on",
                "-serial", "chardev:" + CONSOLE_ID));
        return Command.of(arguments);
    }

    /**
     * Returns the kernel command line for the user's arguments.
     *
     * @param userArguments the user's kernel arguments
     * @return kforge's arguments followed by the user's, separated by spaces
     */
    static String kernelCommandLine(List<String> userArguments) {
        var words = new ArrayList<String>();
        if (BootPreflight.consoles(userArguments).isEmpty()) {
            words.add("console=" + BootPreflight.SERIAL_CONSOLE);
        }
        words.add("panic=-1");
        words.addAll(userArguments);
        return String.join(" ", words);
    }

    /** Doubles commas, which QEMU's option syntax uses as separators. */
    private static String option(String value) {
        return value.replace(",", ",,");
    }
}

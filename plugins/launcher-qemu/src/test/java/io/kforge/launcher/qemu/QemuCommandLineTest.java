package io.kforge.launcher.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.spi.BootSpec;
import io.kforge.core.spi.KvmMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QemuCommandLineTest {

    @Test
    void kernelCommandLineStartsWithTheSerialConsoleAndPanicThenTheUsersArguments() {
        assertEquals("console=ttyS0 panic=-1 loglevel=7", QemuCommandLine.kernelCommandLine(List.of("loglevel=7")));
    }

    @Test
    void aConsoleOfTheUsersOwnReplacesTtyS0() {
        assertEquals("panic=-1 console=hvc0", QemuCommandLine.kernelCommandLine(List.of("console=hvc0")));
    }

    @Test
    void tcgHasNoMonitorNoDisplayAndTheConsoleOnASocket() {
        var command = QemuCommandLine.of(spec(List.of()), Path.of("/w/initramfs.cpio.gz"), Path.of("/r/c.sock"),
                Accel.TCG);

        var arguments = command.arguments();

        assertEquals("qemu-system-x86_64", arguments.getFirst());
        assertFollows(arguments, "-accel", "tcg");
        assertFollows(arguments, "-monitor", "none");
        assertFollows(arguments, "-display", "none");
        assertFollows(arguments, "-chardev", "socket,id=console,path=/r/c.sock,server=on,wait=on");
        assertFollows(arguments, "-serial", "chardev:console");
        assertFollows(arguments, "-m", "256");
        assertFollows(arguments, "-smp", "2");
        assertTrue(arguments.contains("-no-reboot"), arguments.toString());
        assertFalse(arguments.contains("-cpu"), arguments.toString());
    }

    @Test
    void kvmUsesTheHostCpu() {
        var arguments = QemuCommandLine.of(spec(List.of()), Path.of("/i"), Path.of("/s"), Accel.KVM).arguments();

        assertFollows(arguments, "-accel", "kvm");
        assertFollows(arguments, "-cpu", "host");
    }

    @Test
    void commasInTheSocketPathAreEscapedForQemu() {
        var arguments = QemuCommandLine.of(spec(List.of()), Path.of("/i"), Path.of("/a,b/c.sock"), Accel.TCG)
                .arguments();

        assertFollows(arguments, "-chardev", "socket,id=console,path=/a,,b/c.sock,server=on,wait=on");
    }

    private static BootSpec spec(List<String> arguments) {
        return new BootSpec(Path.of("/k/bzImage"), Optional.empty(), Optional.empty(), arguments, 256, 2,
                KvmMode.OFF, Duration.ofSeconds(30));
    }

    private static void assertFollows(List<String> arguments, String option, String value) {
        int at = arguments.indexOf(option);
        assertTrue(at >= 0 && at + 1 < arguments.size(), option + " missing from " + arguments);
        assertEquals(value, arguments.get(at + 1), option);
        assertEquals(1, Collections.frequency(arguments, option), option + " given twice");
    }
}

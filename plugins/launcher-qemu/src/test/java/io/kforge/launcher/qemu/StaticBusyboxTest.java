package io.kforge.launcher.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.spi.KforgeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticBusyboxTest {

    @TempDir
    Path folder;

    @Test
    void theHostsBusyboxIsStaticAndReportsItsVersion() {
        var busybox = StaticBusybox.host();

        assertTrue(busybox.version().matches("\\d+\\.\\d+\\.\\d+"), busybox.version());
    }

    @Test
    void aDynamicallyLinkedProgramIsRefusedWithWhatToInstall() throws Exception {
        var dynamic = Path.of("/bin/ls");

        assertEquals(Optional.of("is dynamically linked"), StaticBusybox.whyUnfit(Files.readAllBytes(dynamic)));
        var error = assertThrows(KforgeException.class, () -> StaticBusybox.read(dynamic));
        assertTrue(error.getMessage().contains(StaticBusybox.INSTALL), error.getMessage());
    }

    @Test
    void aScriptIsNotAnElfExecutable() throws Exception {
        var script = Files.writeString(folder.resolve("busybox"), "#!/bin/sh\necho hi\n");

        var error = assertThrows(KforgeException.class, () -> StaticBusybox.read(script));

        assertTrue(error.getMessage().contains("is not an ELF executable"), error.getMessage());
    }

    @Test
    void aMissingBinarySaysWhatToInstall() {
        var error = assertThrows(KforgeException.class, () -> StaticBusybox.read(folder.resolve("busybox")));

        assertTrue(error.getMessage().contains(StaticBusybox.INSTALL), error.getMessage());
    }
}

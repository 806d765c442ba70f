package io.kforge.launcher.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.Place;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelConfigTest {

    @TempDir
    Path folder;

    @Test
    void readsValuesNotSetLinesAndTheirLineNumbers() throws Exception {
        var file = Files.writeString(folder.resolve(".config"), """
                #
                # Automatically generated file; DO NOT EDIT.
                CONFIG_SERIAL_8250=y
                CONFIG_VIRTIO_BLK=m
                CONFIG_CMDLINE="console=ttyS0"
                # CONFIG_DEVTMPFS is not set
                """);

        var config = KernelConfig.read(file);

        assertEquals("y", config.value("SERIAL_8250"));
        assertEquals("m", config.value("VIRTIO_BLK"));
        assertEquals("\"console=ttyS0\"", config.value("CMDLINE"));
        assertEquals("n", config.value("DEVTMPFS"));
        assertEquals(Optional.of(new Place(file, 6)), config.place("DEVTMPFS"));
    }

    @Test
    void anAbsentOptionReadsAsNotSetWithoutAPlace() throws Exception {
        var config = KernelConfig.read(Files.writeString(folder.resolve(".config"), "CONFIG_64BIT=y\n"));

        assertEquals("n", config.value("EXT4_FS"));
        assertEquals(Optional.empty(), config.place("EXT4_FS"));
    }

    @Test
    void aMissingFileIsAnInputError() {
        assertThrows(InvalidInputException.class, () -> KernelConfig.read(folder.resolve("missing.config")));
    }
}

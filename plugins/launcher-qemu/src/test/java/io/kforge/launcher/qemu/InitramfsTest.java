package io.kforge.launcher.qemu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.Workspace;
import io.kforge.testkit.RecordingListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveInputStream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitramfsTest {

    @TempDir
    Path folder;

    @Test
    void holdsInitBusyboxTheConsoleDeviceAndTheFolders() throws Exception {
        var busybox = StaticBusybox.host();
        var archive = Initramfs.generated(busybox, Workspace.at(folder).context("boot", new RecordingListener()));

        var entries = read(archive);

        assertEquals(Initramfs.initScript(), new String(entries.get("init").content(), StandardCharsets.UTF_8));
        assertEquals(CpioConstants.C_ISREG | 0755, entries.get("init").entry().getMode());
        assertArrayEquals(busybox.binary(), entries.get("bin/busybox").content());
        var console = entries.get("dev/console").entry();
        assertEquals(CpioConstants.C_ISCHR | 0600, console.getMode());
        assertEquals(5, console.getRemoteDeviceMaj());
        assertEquals(1, console.getRemoteDeviceMin());
        for (var dir : new String[] {"bin", "dev", "proc", "sys", "tmp", "root"}) {
            assertTrue(entries.get(dir).entry().isDirectory(), dir);
        }
        for (var applet : Initramfs.INIT_APPLETS) {
            var link = entries.get("bin/" + applet);
            assertTrue(link.entry().isSymbolicLink(), applet);
            assertEquals("busybox", new String(link.content(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void isWrittenOnceAndReusedFromTheWorkspace() throws Exception {
        var context = Workspace.at(folder).context("boot", new RecordingListener());
        var first = Initramfs.generated(StaticBusybox.host(), context);
        var written = Files.getLastModifiedTime(first);

        var second = Initramfs.generated(StaticBusybox.host(), context);

        assertEquals(first, second);
        assertEquals(written, Files.getLastModifiedTime(second));
    }

    @Test
    void theSameInputsGiveTheSameBytes() throws Exception {
        var busybox = StaticBusybox.host().binary();
        Initramfs.write(folder.resolve("a.cpio.gz"), busybox, Initramfs.initScript());
        Initramfs.write(folder.resolve("b.cpio.gz"), busybox, Initramfs.initScript());

        assertArrayEquals(Files.readAllBytes(folder.resolve("a.cpio.gz")),
                Files.readAllBytes(folder.resolve("b.cpio.gz")));
    }

    @Test
    void aUsersInitramfsIsJoinedBeforeKforgesAndKeyedByBoth() throws Exception {
        var context = Workspace.at(folder).context("boot", new RecordingListener());
        var kforge = Initramfs.generated(StaticBusybox.host(), context);
        var own = folder.resolve("own.cpio.gz");
        Initramfs.write(own, new byte[] {1, 2, 3}, "#!/bin/sh\n");

        var joined = Initramfs.layered(own, kforge, context);

        var bytes = Files.readAllBytes(joined);
        long ownSize = Files.size(own);
        long padding = (4 - ownSize % 4) % 4;
        assertEquals(ownSize + padding + Files.size(kforge), bytes.length);
        assertNotEquals(kforge, joined);
        assertEquals(joined, Initramfs.layered(own, kforge, context));
    }

    /** An archive entry with its content. */
    private record Member(CpioArchiveEntry entry, byte[] content) {
    }

    private static Map<String, Member> read(Path archive) throws IOException {
        var entries = new LinkedHashMap<String, Member>();
        try (var in = new CpioArchiveInputStream(new GZIPInputStream(Files.newInputStream(archive)))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new Member(entry, in.readAllBytes()));
            }
        }
        return entries;
    }
}

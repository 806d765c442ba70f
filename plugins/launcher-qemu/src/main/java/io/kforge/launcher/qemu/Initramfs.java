package io.kforge.launcher.qemu;

import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.StageContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;

/**
 * Writes kforge's initramfs: a gzip-compressed {@code newc} cpio archive holding the {@code /init} shell script,
 * a static busybox with the links {@code /init} needs, {@code /dev/console} and the usual empty folders.
 *
 * <p>The archive is a workspace entry keyed by a hash of the busybox binary and the script, so it is written once
 * and reused. A user's own initramfs is joined with it (theirs first, kforge's after, as the kernel allows), so the
 * guest has the user's files and kforge's {@code /init} and busybox on top of them.
 */
final class Initramfs {

    /** The file name of the archive inside its workspace entry. */
    static final String FILE_NAME = "initramfs.cpio.gz";

    /** The applets {@code /init} calls before it installs links for all the others. */
    static final List<String> INIT_APPLETS = List.of("sh", "mount", "mknod", "dmesg", "stty", "cat", "base64",
            "printf", "sleep", "timeout");

    private static final String FORMAT = "kforge-initramfs-1";
    private static final List<String> FOLDERS = List.of("bin", "dev", "proc", "sys", "tmp", "root");
    private static final int DIRECTORY_MODE = CpioConstants.C_ISDIR | 0755;

    private Initramfs() {
    }

    /**
     * Returns kforge's initramfs, writing it into the workspace the first time.
     *
     * @param busybox the static busybox to put in it
     * @param context the stage context, for the workspace
     * @return the archive
     */
    static Path generated(StaticBusybox busybox, StageContext context) {
        var script = initScript();
        var binary = busybox.binary();
        var key = "initramfs-" + hash(FORMAT.getBytes(StandardCharsets.UTF_8), script.getBytes(StandardCharsets.UTF_8),
                binary);
        return context.cached(key, folder -> write(folder.resolve(FILE_NAME), binary, script)).resolve(FILE_NAME);
    }

    /**
     * Returns the user's initramfs joined with kforge's, writing the joined archive into the workspace once.
     *
     * @param own the user's initramfs
     * @param kforge kforge's generated initramfs
     * @param context the stage context, for the workspace
     * @return the joined archive
     * @throws InvalidInputException when the user's file cannot be read
     */
    static Path layered(Path own, Path kforge, StageContext context) {
        String key;
        try (var first = Files.newInputStream(own); var second = Files.newInputStream(kforge)) {
            key = "initramfs-layered-" + hash(first, second);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the initramfs " + own + ": " + e.getMessage(), e);
        }
        return context.cached(key, folder -> join(own, kforge, folder.resolve(FILE_NAME))).resolve(FILE_NAME);
    }

    /**
     * Returns the {@code /init} script, kept as a resource beside this class.
     *
     * @return the script text
     */
    static String initScript() {
        try (InputStream in = Initramfs.class.getResourceAsStream("init.sh")) {
            if (in == null) {
                throw new KforgeException("the launcher's init.sh resource is missing from its jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KforgeException("cannot read the launcher's init.sh resource: " + e.getMessage(), e);
        }
    }

    /**
     * Writes an initramfs with the given busybox and {@code /init} script.
     *
     * @param target the archive to write
     * @param busybox the static busybox binary
     * @param script the {@code /init} script
     */
    static void write(Path target, byte[] busybox, String script) {
        try (var file = Files.newOutputStream(target);
             var gzip = new GZIPOutputStream(file, 1 << 16);
             var cpio = new CpioArchiveOutputStream(gzip, CpioConstants.FORMAT_NEW)) {
            var archive = new Archive(cpio);
            for (var folder : FOLDERS) {
                archive.add(folder, folder.equals("tmp") ? CpioConstants.C_ISDIR | 01777 : DIRECTORY_MODE);
            }
            archive.add("init", CpioConstants.C_ISREG | 0755, script.getBytes(StandardCharsets.UTF_8));
            archive.add("bin/busybox", CpioConstants.C_ISREG | 0755, busybox);
            for (var applet : INIT_APPLETS) {
                var link = "busybox".getBytes(StandardCharsets.UTF_8);
                archive.add("bin/" + applet, CpioConstants.C_ISLNK | 0777, link);
            }
            archive.device("dev/console", CpioConstants.C_ISCHR | 0600, 5, 1);
            cpio.finish();
        } catch (IOException e) {
            throw new KforgeException("cannot write the initramfs " + target + ": " + e.getMessage(), e);
        }
    }

    private static void join(Path own, Path kforge, Path target) {
        try (OutputStream out = Files.newOutputStream(target)) {
            long size = Files.copy(own, out);
            out.write(new byte[(int) ((4 - size % 4) % 4)]);
            Files.copy(kforge, out);
        } catch (IOException e) {
            throw new KforgeException("cannot join " + own + " and " + kforge + " into " + target + ": "
                    + e.getMessage(), e);
        }
    }

    private static String hash(byte[]... parts) {
        var digest = sha256();
        for (var part : parts) {
            digest.update(part);
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static String hash(InputStream... parts) throws IOException {
        var digest = sha256();
        for (var part : parts) {
            try (var in = new DigestInputStream(part, digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Adds entries with distinct inode numbers and a fixed time, so the same inputs give the same bytes. */
    private static final class Archive {
        private final CpioArchiveOutputStream cpio;
        private long inode = 1;

        Archive(CpioArchiveOutputStream cpio) {
            this.cpio = cpio;
        }

        void add(String name, long mode) throws IOException {
            add(name, mode, new byte[0]);
        }

        void add(String name, long mode, byte[] content) throws IOException {
            var entry = entry(name, mode);
            entry.setSize(content.length);
            cpio.putArchiveEntry(entry);
            cpio.write(content);
            cpio.closeArchiveEntry();
        }

        void device(String name, long mode, int major, int minor) throws IOException {
            var entry = entry(name, mode);
            entry.setRemoteDeviceMaj(major);
            entry.setRemoteDeviceMin(minor);
            cpio.putArchiveEntry(entry);
            cpio.closeArchiveEntry();
        }

        private CpioArchiveEntry entry(String name, long mode) {
            var entry = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, name);
            entry.setMode(mode);
            entry.setInode(inode++);
            entry.setNumberOfLinks((mode & CpioConstants.S_IFMT) == CpioConstants.C_ISDIR ? 2 : 1);
            entry.setTime(0);
            return entry;
        }
    }
}

package io.kforge.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Builds small tar archives for tests, good or malicious, with Commons Compress; every entry has {@link #MTIME}.
 */
final class TestArchive {

    /** How the tar bytes are packed. */
    enum Packing { XZ, GZIP, PLAIN }

    /** The mtime of every entry. */
    static final FileTime MTIME = FileTime.from(Instant.parse("2024-01-02T03:04:05Z"));

    private final List<TarArchiveEntry> entries = new ArrayList<>();
    private final List<byte[]> contents = new ArrayList<>();

    /**
     * Adds a regular file.
     *
     * @param name the entry name
     * @param mode the permission bits
     * @param content the text
     * @return this archive
     */
    TestArchive file(String name, int mode, String content) {
        var data = content.getBytes(StandardCharsets.UTF_8);
        var entry = new TarArchiveEntry(name, true);
        entry.setMode(0100000 | mode);
        entry.setSize(data.length);
        return add(entry, data);
    }

    /**
     * Adds a folder.
     *
     * @param name the entry name, ending with {@code /}
     * @param mode the permission bits
     * @return this archive
     */
    TestArchive folder(String name, int mode) {
        var entry = new TarArchiveEntry(name, true);
        entry.setMode(040000 | mode);
        return add(entry, new byte[0]);
    }

    /**
     * Adds a symbolic link.
     *
     * @param name the entry name
     * @param target what it points to
     * @return this archive
     */
    TestArchive symlink(String name, String target) {
        var entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
        entry.setLinkName(target);
        return add(entry, new byte[0]);
    }

    /**
     * Adds a hard link.
     *
     * @param name the entry name
     * @param target the archive path of the file it links to
     * @return this archive
     */
    TestArchive hardLink(String name, String target) {
        var entry = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
        entry.setLinkName(target);
        return add(entry, new byte[0]);
    }

    /**
     * Adds a character device.
     *
     * @param name the entry name
     * @return this archive
     */
    TestArchive device(String name) {
        var entry = new TarArchiveEntry(name, TarConstants.LF_CHR, true);
        entry.setDevMajor(1);
        entry.setDevMinor(3);
        return add(entry, new byte[0]);
    }

    private TestArchive add(TarArchiveEntry entry, byte[] data) {
        entry.setModTime(MTIME);
        entries.add(entry);
        contents.add(data);
        return this;
    }

    /**
     * Writes the archive.
     *
     * @param file where
     * @param packing how the tar bytes are packed
     * @return the file
     */
    Path writeTo(Path file, Packing packing) {
        return writeTo(file, packing, 0);
    }

    /**
     * Writes the archive, as a multi-block {@code .xz} file when a block size is given.
     *
     * @param file where
     * @param packing how the tar bytes are packed
     * @param xzBlockSize for {@link Packing#XZ}: end a block after about this many tar bytes; 0 for one block
     * @return the file
     */
    Path writeTo(Path file, Packing packing, int xzBlockSize) {
        try (var out = Files.newOutputStream(file); var packed = pack(out, packing);
             var tar = new TarArchiveOutputStream(packed)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            var sinceBlock = 0L;
            for (var i = 0; i < entries.size(); i++) {
                tar.putArchiveEntry(entries.get(i));
                tar.write(contents.get(i));
                tar.closeArchiveEntry();
                sinceBlock += 512 + contents.get(i).length;
                if (xzBlockSize > 0 && sinceBlock >= xzBlockSize && packed instanceof XZOutputStream xz) {
                    xz.endBlock();
                    sinceBlock = 0;
                }
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static OutputStream pack(OutputStream out, Packing packing) throws IOException {
        return switch (packing) {
            case XZ -> new XZOutputStream(out, new LZMA2Options(1));
            case GZIP -> new GzipCompressorOutputStream(out);
            case PLAIN -> out;
        };
    }
}

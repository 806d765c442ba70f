package io.kforge.archive;

import io.kforge.core.spi.KforgeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.XZInputStream;

/**
 * How a tar archive is compressed, told from its first bytes rather than its name.
 */
enum Compression {

    /** XZ (LZMA2), as kernel.org and Debian's {@code linux-source} ship. */
    XZ,
    /** gzip, one or more concatenated members. */
    GZIP,
    /** A plain tar file. */
    NONE;

    private static final byte[] XZ_MAGIC = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};
    private static final byte[] GZIP_MAGIC = {0x1F, (byte) 0x8B};
    private static final int TAR_HEADER = 512;

    /**
     * Tells how a file is compressed.
     *
     * @param archive the file
     * @return its compression
     * @throws KforgeException when it is none of a tar, a tar.gz or a tar.xz
     */
    static Compression of(Path archive) {
        byte[] head;
        try (var in = Files.newInputStream(archive)) {
            head = in.readNBytes(TAR_HEADER);
        } catch (NoSuchFileException e) {
            throw new KforgeException("archive " + archive + " does not exist", e);
        } catch (IOException e) {
            throw new KforgeException("cannot read archive " + archive + ": " + e, e);
        }
        if (startsWith(head, XZ_MAGIC)) {
            return XZ;
        }
        if (startsWith(head, GZIP_MAGIC)) {
            return GZIP;
        }
        if (TarArchiveInputStream.matches(head, head.length)) {
            return NONE;
        }
        throw new KforgeException(archive + " is not a tar archive (nor a .tar.xz or .tar.gz one)");
    }

    /**
     * Wraps a stream of this kind into the stream of its tar bytes.
     *
     * @param raw the archive file's bytes
     * @return the tar bytes
     * @throws IOException when the header of the compressed stream is wrong
     */
    InputStream decode(InputStream raw) throws IOException {
        return switch (this) {
            case XZ -> new XZInputStream(raw, -1, true, BasicArrayCache.getInstance());
            case GZIP -> GzipCompressorInputStream.builder().setInputStream(raw).setDecompressConcatenated(true).get();
            case NONE -> raw;
        };
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}

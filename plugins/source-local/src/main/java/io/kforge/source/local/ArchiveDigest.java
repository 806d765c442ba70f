package io.kforge.source.local;

import io.kforge.core.spi.KforgeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Computes the SHA-256 of an archive file, the key of its unpacked tree in the workspace.
 */
final class ArchiveDigest {

    private static final int BUFFER = 1 << 20;

    private ArchiveDigest() {
    }

    /**
     * Returns the SHA-256 of a file.
     *
     * @param file the file
     * @return the digest, 64 lower-case hex digits
     * @throws KforgeException when the file cannot be read
     */
    static String sha256(Path file) {
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            var digest = MessageDigest.getInstance("SHA-256");
            var buffer = ByteBuffer.allocateDirect(BUFFER);
            while (channel.read(buffer) >= 0) {
                digest.update(buffer.flip());
                buffer.clear();
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new KforgeException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new KforgeException("this Java runtime has no SHA-256: " + e.getMessage(), e);
        }
    }
}

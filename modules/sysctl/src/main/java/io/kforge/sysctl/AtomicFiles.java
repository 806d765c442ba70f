package io.kforge.sysctl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers see either the old content or the new one, never a part: a temporary file in the
 * same folder, then an atomic rename over the target.
 */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes text to a file atomically, creating its folder when needed.
     *
     * @param file the file
     * @param text the new content
     * @throws UncheckedIOException when the folder or file cannot be written
     */
    static void write(Path file, String text) {
        var folder = file.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try (var channel = java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new UncheckedIOException("cannot replace " + file + " atomically", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the rename consumed it, or the folder is gone: nothing is left to clean
                }
            }
        }
    }
}

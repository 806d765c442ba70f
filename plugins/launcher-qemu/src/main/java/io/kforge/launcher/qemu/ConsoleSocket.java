package io.kforge.launcher.qemu;

import io.kforge.core.spi.KforgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where QEMU serves the guest's serial console: beside the console log when that path fits a UNIX socket address
 * (about 100 bytes), else in a short-lived folder of its own under {@code java.io.tmpdir}.
 *
 * @param path the socket's path
 * @param ownFolder the folder made for it alone, deleted with it
 */
record ConsoleSocket(Path path, Optional<Path> ownFolder) {

    private static final int PATH_LIMIT = 100;

    /**
     * Chooses the socket's path.
     *
     * @param folder the run folder
     * @param name the socket's file name
     * @return the socket
     * @throws KforgeException when no short enough folder can be made
     */
    static ConsoleSocket in(Path folder, String name) {
        var beside = folder.toAbsolutePath().resolve(name);
        if (beside.toString().length() <= PATH_LIMIT) {
            return new ConsoleSocket(beside, Optional.empty());
        }
        try {
            var own = Files.createTempDirectory("kforge-");
            var path = own.resolve(name);
            if (path.toString().length() > PATH_LIMIT) {
                Files.delete(own);
                throw new KforgeException("no folder short enough for the console socket (" + path + " is longer"
                        + " than a UNIX socket address allows): point java.io.tmpdir at a shorter folder");
            }
            return new ConsoleSocket(path, Optional.of(own));
        } catch (IOException e) {
            throw new KforgeException("cannot create a folder for the console socket: " + e.getMessage(), e);
        }
    }

    /**
     * Deletes the socket file, and its own folder if it has one.
     *
     * @throws IOException when a file cannot be deleted
     */
    void delete() throws IOException {
        Files.deleteIfExists(path);
        if (ownFolder.isPresent()) {
            Files.deleteIfExists(ownFolder.get());
        }
    }
}

package io.kforge.archive;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;

/**
 * Deletes a half-unpacked tree: never follows a link, and makes folders writable first, since the archive may
 * have made some read-only.
 */
final class FolderRemoval {

    private FolderRemoval() {
    }

    /**
     * Deletes a folder and everything in it; does nothing when it does not exist.
     *
     * @param folder the folder
     * @throws IOException when something cannot be deleted
     */
    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                var permissions = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
                if (permissions.add(PosixFilePermission.OWNER_WRITE) | permissions.add(PosixFilePermission.OWNER_READ)
                        | permissions.add(PosixFilePermission.OWNER_EXECUTE)) {
                    Files.setPosixFilePermissions(dir, permissions);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

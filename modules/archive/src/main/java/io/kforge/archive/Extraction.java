package io.kforge.archive;

import io.kforge.core.spi.KforgeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * One archive being unpacked: checks each entry with an {@link EntryGuard}, writes it with a {@link TreeWriter}
 * and counts what it wrote.
 */
final class Extraction {

    private final Path archive;
    private final EntryGuard guard;
    private final TreeWriter writer;
    private final List<String> skipped = new ArrayList<>();
    private long files;
    private long directories;
    private long symlinks;
    private long hardLinks;
    private long bytes;

    /**
     * Starts unpacking into an empty folder.
     *
     * @param archive the archive, named in errors
     * @param root the empty folder
     * @throws IOException when the folder cannot be written
     */
    Extraction(Path archive, Path root) throws IOException {
        this.archive = archive;
        this.guard = new EntryGuard(archive);
        this.writer = new TreeWriter(root);
    }

    /**
     * Checks and writes one entry.
     *
     * @param entry the entry
     * @param content the archive stream, positioned at the entry's data
     * @throws UnsafeEntryException when the entry would land outside the folder
     * @throws KforgeException when it cannot be written
     */
    void add(TarArchiveEntry entry, InputStream content) {
        var name = entry.getName();
        try {
            write(entry, name, content);
        } catch (IOException e) {
            throw new KforgeException(archive + ": cannot unpack entry '" + name + "': " + e, e);
        }
    }

    private void write(TarArchiveEntry entry, String name, InputStream content) throws IOException {
        var path = guard.relativePath(name);
        if (path.isEmpty()) {
            if (!entry.isDirectory()) {
                throw new KforgeException(archive + ": entry '" + name + "' has no name; nothing was unpacked");
            }
            return;
        }
        var found = kindOf(entry);
        if (found.isEmpty()) {
            skipped.add(name + " (" + typeOf(entry) + ")");
            return;
        }
        var kind = found.get();
        for (var parent : guard.parentsToCreate(name, path)) {
            writer.implicitFolder(parent);
            directories++;
        }
        var before = guard.placedAt(path);
        var mtime = entry.getLastModifiedTime();
        if (entry.isSymbolicLink()) {
            guard.checkSymlink(name, path, entry.getLinkName());
        }
        var hardTarget = entry.isLink() ? guard.checkHardLink(name, entry.getLinkName()) : "";
        guard.claim(name, path, kind);
        var replace = before.isPresent();
        if (entry.isDirectory()) {
            writer.folder(path, entry.getMode(), mtime, replace);
            directories += replace ? 0 : 1;
        } else if (entry.isSymbolicLink()) {
            writer.symlink(path, entry.getLinkName(), mtime, replace);
            symlinks++;
        } else if (entry.isLink()) {
            writer.hardLink(path, hardTarget, replace);
            hardLinks++;
        } else {
            writer.file(path, entry.getMode(), mtime, entry.getRealSize(), content, replace);
            files++;
            bytes += entry.getRealSize();
        }
    }

    private static Optional<EntryGuard.Kind> kindOf(TarArchiveEntry entry) {
        if (entry.isDirectory()) {
            return Optional.of(EntryGuard.Kind.DIRECTORY);
        }
        if (entry.isSymbolicLink()) {
            return Optional.of(EntryGuard.Kind.SYMLINK);
        }
        if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
            return Optional.empty();
        }
        return entry.isLink() || entry.isFile() ? Optional.of(EntryGuard.Kind.FILE) : Optional.empty();
    }

    private static String typeOf(TarArchiveEntry entry) {
        if (entry.isCharacterDevice()) {
            return "character device";
        }
        if (entry.isBlockDevice()) {
            return "block device";
        }
        return entry.isFIFO() ? "FIFO" : "special file";
    }

    /**
     * Gives folders their modes and mtimes and sums up.
     *
     * @param target where the tree will live
     * @param took time spent so far
     * @return the summary
     * @throws IOException when a folder cannot be changed
     */
    UnpackSummary finish(Path target, Duration took) throws IOException {
        writer.finish();
        return new UnpackSummary(target, files, directories, symlinks, hardLinks, bytes, skipped, took);
    }
}

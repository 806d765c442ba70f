package io.kforge.archive;

import io.kforge.core.spi.KforgeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, entry by entry, whether an archive stays inside its target folder, and remembers what it has placed.
 *
 * <p>The rules, checked before anything is written:
 * <ul>
 *   <li>an entry name is relative and has no {@code ..} component ({@code .} and empty components are dropped);</li>
 *   <li>no entry is written through a symbolic link placed earlier: every folder on its way is a real folder;</li>
 *   <li>a symbolic link's target is relative and made of some {@code ..} (no more than the link's depth) followed
 *       by names only. Since the link's folder is a real folder, such a link points inside the tree whatever the
 *       names turn out to be: each link on the way obeys the same rule. A {@code ..} after a name is refused, since
 *       {@code name} may itself be a link ({@code up -> sub/..} then {@code out -> up/..} would leave the tree);</li>
 *   <li>a hard link names, with the same rules as an entry name, a regular file already unpacked.</li>
 * </ul>
 * The target folder starts empty and only this archive writes into it, so what was placed is all there is.
 */
final class EntryGuard {

    /** What an archive has put at a path. */
    enum Kind { DIRECTORY, FILE, SYMLINK }

    private final Path archive;
    private final Map<String, Kind> placed = new HashMap<>();

    /**
     * Creates a guard for one archive.
     *
     * @param archive the archive, named in errors
     */
    EntryGuard(Path archive) {
        this.archive = archive;
    }

    /**
     * Returns an entry's path relative to the target folder, or the empty string for the folder itself.
     *
     * @param name the entry's name as the archive spells it
     * @return the clean relative path, components joined by {@code /}
     * @throws UnsafeEntryException when the name is absolute or has a {@code ..} component
     */
    String relativePath(String name) {
        if (name.indexOf('\0') >= 0) {
            throw unsafe(name, "has a NUL character in its name");
        }
        if (name.startsWith("/")) {
            throw unsafe(name, "has an absolute path");
        }
        var parts = new ArrayList<String>();
        for (var part : name.split("/")) {
            if (part.equals("..")) {
                throw unsafe(name, "has a '..' component and would land outside the target folder");
            }
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    /**
     * Checks the folders on an entry's way and returns those still to create, outermost first.
     *
     * @param name the entry's name, for errors
     * @param path the entry's relative path
     * @return the missing folders, now recorded as placed
     * @throws UnsafeEntryException when one of them is a symbolic link
     * @throws KforgeException when one of them is a file
     */
    List<String> parentsToCreate(String name, String path) {
        var missing = new ArrayList<String>(2);
        var slash = path.indexOf('/');
        while (slash > 0) {
            var parent = path.substring(0, slash);
            var kind = placed.get(parent);
            if (kind == null) {
                placed.put(parent, Kind.DIRECTORY);
                missing.add(parent);
            } else if (kind == Kind.SYMLINK) {
                throw unsafe(name, "would be written through the symbolic link '" + parent + "'");
            } else if (kind == Kind.FILE) {
                throw conflict(name, "needs '" + parent + "' to be a folder, but the archive made it a file");
            }
            slash = path.indexOf('/', slash + 1);
        }
        return missing;
    }

    /**
     * Returns what is already placed at a path.
     *
     * @param path the relative path
     * @return the kind, or empty when nothing is there
     */
    Optional<Kind> placedAt(String path) {
        return Optional.ofNullable(placed.get(path));
    }

    /**
     * Checks that an entry may take a path, replacing a file or link placed there before but never a folder.
     *
     * @param name the entry's name, for errors
     * @param path its relative path
     * @param kind what it puts there
     * @throws KforgeException when a folder and a non-folder would take the same path
     */
    void claim(String name, String path, Kind kind) {
        var before = placed.get(path);
        if (before != null && (before == Kind.DIRECTORY) != (kind == Kind.DIRECTORY)) {
            throw conflict(name, "would put a " + word(kind) + " where an earlier entry put a " + word(before));
        }
        placed.put(path, kind);
    }

    /**
     * Checks a symbolic link's target.
     *
     * @param name the link entry's name, for errors
     * @param path the link's relative path
     * @param target the target as the archive gives it
     * @throws UnsafeEntryException when the target is absolute or may resolve outside the target folder
     */
    void checkSymlink(String name, String path, String target) {
        if (target.isEmpty() || target.indexOf('\0') >= 0) {
            throw unsafe(name, "is a symbolic link with an empty or invalid target");
        }
        if (target.startsWith("/")) {
            throw unsafe(name, "is a symbolic link to the absolute path '" + target + "'");
        }
        var depth = (int) path.chars().filter(c -> c == '/').count();
        var ups = 0;
        var named = false;
        for (var part : target.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (!part.equals("..")) {
                named = true;
            } else if (named) {
                throw unsafe(name, "is a symbolic link to '" + target + "', whose '..' after a name may leave the"
                        + " target folder");
            } else if (++ups > depth) {
                throw unsafe(name, "is a symbolic link to '" + target + "', which points outside the target folder");
            }
        }
    }

    /**
     * Checks a hard link's target and returns its relative path.
     *
     * @param name the link entry's name, for errors
     * @param target the target as the archive gives it, relative to the archive's top
     * @return the target's relative path
     * @throws UnsafeEntryException when the target is outside the target folder or not a file unpacked before
     */
    String checkHardLink(String name, String target) {
        String path;
        try {
            path = relativePath(target);
        } catch (UnsafeEntryException e) {
            throw unsafe(name, "is a hard link to '" + target + "', outside the target folder");
        }
        if (placed.get(path) != Kind.FILE || !parentsAreFolders(path)) {
            throw unsafe(name, "is a hard link to '" + target + "', which is not a file unpacked before it");
        }
        return path;
    }

    private boolean parentsAreFolders(String path) {
        var slash = path.indexOf('/');
        while (slash > 0) {
            if (placed.get(path.substring(0, slash)) != Kind.DIRECTORY) {
                return false;
            }
            slash = path.indexOf('/', slash + 1);
        }
        return true;
    }

    private static String word(Kind kind) {
        return switch (kind) {
            case DIRECTORY -> "folder";
            case FILE -> "file";
            case SYMLINK -> "symbolic link";
        };
    }

    private UnsafeEntryException unsafe(String name, String reason) {
        return new UnsafeEntryException(archive, name, reason);
    }

    private KforgeException conflict(String name, String reason) {
        return new KforgeException(archive + ": entry '" + name + "' " + reason + "; nothing was unpacked");
    }
}

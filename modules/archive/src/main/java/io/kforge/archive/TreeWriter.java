package io.kforge.archive;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Writes files, folders and links under one root folder, with the fewest system calls that keep modes and mtimes.
 *
 * <p>It trusts its caller ({@link EntryGuard} has checked every path) but never follows a link itself: files are
 * created with {@code O_EXCL}, times are set without following links. A file gets its mode as it is created
 * ({@code open}, a single {@code write} for files up to 1 MiB, {@code close}, then its times); a {@code chmod}
 * follows only when the process umask would have cleared some of its bits. Folders get their mode and mtime at the end,
 * once nothing more is written into them. Set-user-ID, set-group-ID and sticky bits are dropped.
 */
final class TreeWriter {

    private static final int PERMISSIONS = 0777;
    private static final Set<OpenOption> CREATE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    private static final PosixFilePermission[] BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    private static final FileAttribute<?>[] ATTRIBUTES = new FileAttribute<?>[PERMISSIONS + 1];

    static {
        for (var mode = 0; mode <= PERMISSIONS; mode++) {
            ATTRIBUTES[mode] = PosixFilePermissions.asFileAttribute(permissionSet(mode));
        }
    }

    private record Folder(Path path, int mode, FileTime mtime, boolean chmod) {
    }

    private final Path root;
    private final int umask;
    private final byte[] buffer = new byte[DecodedStream.CHUNK];
    private final List<Folder> folders = new ArrayList<>();

    /**
     * Creates a writer for an empty folder.
     *
     * @param root the folder
     * @throws IOException when the folder cannot be written
     */
    TreeWriter(Path root) throws IOException {
        this.root = root;
        this.umask = umaskOf(root);
    }

    /**
     * Finds which permission bits the process umask clears, with one probe file.
     *
     * @param root a writable folder
     * @return the cleared bits
     * @throws IOException when the probe cannot be written
     */
    private static int umaskOf(Path root) throws IOException {
        var probe = root.resolve(".kforge-umask-probe");
        Files.createFile(probe, permissions(PERMISSIONS));
        try {
            return PERMISSIONS & ~modeOf(Files.getPosixFilePermissions(probe, LinkOption.NOFOLLOW_LINKS));
        } finally {
            Files.delete(probe);
        }
    }

    /**
     * Creates a folder the archive does not list but one of its entries needs.
     *
     * @param path the folder's relative path
     * @throws IOException when it cannot be created
     */
    void implicitFolder(String path) throws IOException {
        Files.createDirectory(root.resolve(path));
    }

    /**
     * Creates a folder listed in the archive, or takes over one created earlier; its mode and mtime come at the end,
     * and it stays writable for its owner until then.
     *
     * @param path the folder's relative path
     * @param mode its permission bits
     * @param mtime its modification time
     * @param exists whether it was created before
     * @throws IOException when it cannot be created
     */
    void folder(String path, int mode, FileTime mtime, boolean exists) throws IOException {
        var folder = root.resolve(path);
        var wanted = mode & PERMISSIONS;
        if (!exists) {
            Files.createDirectory(folder, permissions(wanted | 0700));
        }
        folders.add(new Folder(folder, wanted, mtime, exists || ((wanted | 0700) & ~umask) != wanted));
    }

    /**
     * Writes a regular file.
     *
     * @param path the file's relative path
     * @param mode its permission bits
     * @param mtime its modification time
     * @param size its size
     * @param content its bytes, at least {@code size} of them
     * @param replace whether a file or link placed earlier at the same path goes first
     * @throws IOException when it cannot be written or the content ends early
     */
    void file(String path, int mode, FileTime mtime, long size, InputStream content, boolean replace)
            throws IOException {
        var file = root.resolve(path);
        if (replace) {
            Files.delete(file);
        }
        var wanted = mode & PERMISSIONS;
        try (var channel = FileChannel.open(file, CREATE, permissions(wanted))) {
            var left = size;
            while (left > 0) {
                var length = content.readNBytes(buffer, 0, (int) Math.min(buffer.length, left));
                if (length == 0) {
                    throw new EOFException("the archive ends inside " + path);
                }
                var bytes = ByteBuffer.wrap(buffer, 0, length);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                left -= length;
            }
        }
        if ((wanted & umask) != 0) {
            Files.setPosixFilePermissions(file, permissionSet(wanted));
        }
        setTimes(file, mtime);
    }

    /**
     * Creates a symbolic link.
     *
     * @param path the link's relative path
     * @param target what it points to, as the archive gives it
     * @param mtime the link's own modification time
     * @param replace whether a file or link placed earlier at the same path goes first
     * @throws IOException when it cannot be created
     */
    void symlink(String path, String target, FileTime mtime, boolean replace) throws IOException {
        var link = root.resolve(path);
        if (replace) {
            Files.delete(link);
        }
        Files.createSymbolicLink(link, link.getFileSystem().getPath(target));
        setTimes(link, mtime);
    }

    /**
     * Creates a hard link to a file unpacked before.
     *
     * @param path the link's relative path
     * @param target the relative path of the file
     * @param replace whether a file or link placed earlier at the same path goes first
     * @throws IOException when it cannot be created
     */
    void hardLink(String path, String target, boolean replace) throws IOException {
        var link = root.resolve(path);
        if (replace) {
            Files.delete(link);
        }
        Files.createLink(link, root.resolve(target));
    }

    /**
     * Gives the archive's folders their modes and mtimes, now that nothing more goes into them.
     *
     * @throws IOException when one cannot be changed
     */
    void finish() throws IOException {
        for (var folder : folders.reversed()) {
            if (folder.chmod()) {
                Files.setPosixFilePermissions(folder.path(), permissionSet(folder.mode()));
            }
            setTimes(folder.path(), folder.mtime());
        }
    }

    private static void setTimes(Path path, FileTime mtime) throws IOException {
        Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(mtime, mtime, null);
    }

    private static FileAttribute<?> permissions(int mode) {
        return ATTRIBUTES[mode];
    }

    private static Set<PosixFilePermission> permissionSet(int mode) {
        var set = EnumSet.noneOf(PosixFilePermission.class);
        for (var bit = 0; bit < BITS.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(BITS[bit]);
            }
        }
        return set;
    }

    private static int modeOf(Set<PosixFilePermission> set) {
        var mode = 0;
        for (var bit = 0; bit < BITS.length; bit++) {
            if (set.contains(BITS[bit])) {
                mode |= 1 << bit;
            }
        }
        return mode;
    }
}

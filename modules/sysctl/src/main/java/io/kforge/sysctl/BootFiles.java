package io.kforge.sysctl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code sysctl.d} files of a root folder in the order they are read at boot, following systemd's rules.
 *
 * <p>{@code *.conf} files are collected from {@code /etc/sysctl.d}, {@code /run/sysctl.d},
 * {@code /usr/local/lib/sysctl.d} and {@code /usr/lib/sysctl.d}; a file masks every same-named file in a later folder
 * (a link to {@code /dev/null} masks and sets nothing). The rest are read in the order of their names, whatever their
 * folder, and a later assignment of a key wins. {@code /etc/sysctl.conf} comes last, as {@code sysctl --system}
 * reads it, unless a {@code sysctl.d} file already links to it (Debian's {@code 99-sysctl.conf}). Links are followed
 * inside the root folder, never out of it.
 */
final class BootFiles {

    /** The folders systemd-sysctl reads, first one first, relative to the root. */
    static final List<String> FOLDERS = List.of("etc/sysctl.d", "run/sysctl.d", "usr/local/lib/sysctl.d",
            "usr/lib/sysctl.d");

    private static final int MAX_LINKS = 16;

    private BootFiles() {
    }

    /**
     * Lists the files read at boot, in order.
     *
     * @param root the root folder
     * @return each file as the image sees it and where it is read from, masked ones left out
     */
    static List<BootFile> inOrder(Path root) {
        var byName = new TreeMap<String, BootFile>();
        for (var folder : FOLDERS) {
            var dir = root.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.conf")) {
                for (var file : stream) {
                    var name = file.getFileName().toString();
                    if (!byName.containsKey(name)) {
                        byName.put(name, new BootFile("/" + folder + "/" + name, resolve(root, file)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        var files = new ArrayList<BootFile>();
        byName.values().stream().filter(f -> f.content().isPresent()).forEach(files::add);
        var conf = new BootFile("/etc/sysctl.conf", resolve(root, root.resolve("etc/sysctl.conf")));
        if (conf.content().isPresent() && files.stream().noneMatch(f -> f.content().equals(conf.content()))) {
            files.add(conf);
        }
        return files;
    }

    /**
     * Follows links inside the root folder.
     *
     * @param root the root folder
     * @param file a file under it
     * @return the regular file it leads to, or empty when it is masked, dangling or not a regular file
     */
    static Optional<Path> resolve(Path root, Path file) {
        var current = file;
        for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(current); i++) {
            try {
                var target = Files.readSymbolicLink(current);
                if (target.toString().equals("/dev/null")) {
                    return Optional.empty();
                }
                current = target.isAbsolute() ? root.resolve(target.toString().substring(1))
                        : current.getParent().resolve(target);
                current = current.normalize();
                if (!current.startsWith(root.normalize())) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Files.isRegularFile(current, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? Optional.of(current)
                : Optional.empty();
    }

    /**
     * A file read at boot.
     *
     * @param shown its path as the image sees it ({@code /etc/sysctl.d/99-kforge.conf})
     * @param content where its content is read from under the root, empty when masked
     */
    record BootFile(String shown, Optional<Path> content) {
    }
}

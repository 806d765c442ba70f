package io.kforge.kbuild;

import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.SourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What identifies the content of a kernel tree for the build cache.
 *
 * <p>A tree unpacked from an archive is identified by the archive's SHA-256. A tree used in place is identified by
 * the path, size and modification time of every file in it (top-level dot folders such as {@code .git} left out),
 * each file's three mixed into a 64-bit hash and summed per top-level folder, the sums then hashed with SHA-256:
 * reading the metadata of a 6.12 tree takes a few hundred milliseconds where hashing its contents would take many
 * seconds, and any edit changes a modification time. It tells trees apart for the cache; it is no content hash.
 */
public final class SourceFingerprint {

    private SourceFingerprint() {
    }

    /**
     * Returns the fingerprint of a tree.
     *
     * @param tree the tree
     * @return {@code sha256:HEX} of its archive, or {@code files:HEX} of its files' metadata
     */
    public static String of(SourceTree tree) {
        return tree.sha256().map(s -> "sha256:" + s).orElseGet(() -> "files:" + files(tree.path()));
    }

    private static String files(Path root) {
        List<Path> top;
        try (Stream<Path> entries = Files.list(root)) {
            top = entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new KforgeException("cannot read the kernel tree " + root + ": " + e.getMessage(), e);
        }
        try {
            var sums = top.parallelStream().map(SourceFingerprint::sum).toList();
            var all = sha256();
            for (var i = 0; i < top.size(); i++) {
                all.update((top.get(i).getFileName() + "\t" + sums.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(all.digest());
        } catch (UncheckedIOException e) {
            throw new KforgeException("cannot read the kernel tree " + root + ": " + e.getCause().getMessage(), e);
        }
    }

    /**
     * Sums a well-mixed 64-bit hash of each file's path, size and modification time under an entry of the tree; the
     * sum does not depend on the order the folder lists its files in, so nothing needs sorting.
     */
    private static String sum(Path entry) {
        var total = new long[] {0, 0};
        try {
            Files.walkFileTree(entry, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    var hash = mix(file.toString().hashCode() * 0x9E3779B97F4A7C15L + attributes.size());
                    total[0] += mix(hash ^ attributes.lastModifiedTime().toMillis());
                    total[1]++;
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Long.toHexString(total[0]) + ":" + total[1];
    }

    /** SplitMix64's finaliser: spreads every input bit over the whole result. */
    private static long mix(long value) {
        var z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Returns a new SHA-256 digest.
     *
     * @return the digest
     */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }

    /**
     * Returns the SHA-256 of a file's content.
     *
     * @param file the file
     * @return the hex digest
     */
    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new KforgeException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}

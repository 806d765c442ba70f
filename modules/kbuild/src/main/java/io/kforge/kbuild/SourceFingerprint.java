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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What identifies the content of a kernel tree for the build cache.
 *
 * <p>A tree unpacked from an archive is identified by the archive's SHA-256. A tree used in place is identified by
 * the name, size and modification time of every file in it (top-level dot folders such as {@code .git} left out):
 * reading the metadata of a 6.12 tree takes a few hundred milliseconds where hashing its contents would take many
 * seconds, and any edit changes a modification time.
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
            var parts = top.parallelStream().map(p -> digest(root, p)).toList();
            var all = sha256();
            parts.forEach(all::update);
            return HexFormat.of().formatHex(all.digest());
        } catch (UncheckedIOException e) {
            throw new KforgeException("cannot read the kernel tree " + root + ": " + e.getCause().getMessage(), e);
        }
    }

    private static byte[] digest(Path root, Path entry) {
        var lines = new ArrayList<String>();
        try {
            Files.walkFileTree(entry, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    lines.add(root.relativize(file) + "\t" + attributes.size() + "\t"
                            + attributes.lastModifiedTime().toMillis());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lines.sort(null);
        var digest = sha256();
        lines.forEach(line -> digest.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
        return digest.digest();
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

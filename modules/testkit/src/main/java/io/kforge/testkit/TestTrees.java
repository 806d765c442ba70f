package io.kforge.testkit;

import io.kforge.core.spi.Command;
import io.kforge.core.spi.KforgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The real kernel tree the tests work on: Debian's {@code linux-source-6.12} tarball, unpacked once per build.
 */
public final class TestTrees {

    /** Where Debian's {@code linux-source-6.12} package puts its tarball. */
    public static final Path DEBIAN_TARBALL = Path.of("/usr/src/linux-source-6.12.tar.xz");

    private TestTrees() {
    }

    /**
     * Returns the unpacked 6.12 tree, unpacking it with {@code tar} the first time.
     *
     * @return the tree's top folder (holding the top {@code Makefile})
     * @throws KforgeException when the package is not installed
     */
    public static Path linux612() {
        if (!Files.isRegularFile(DEBIAN_TARBALL)) {
            throw new KforgeException(DEBIAN_TARBALL + " is missing: run 'apt-get install linux-source-6.12'"
                    + " (.ci/run installs it)");
        }
        var folder = TestCache.entry("linux-6.12", dir -> TestCache.run(
                Command.of("tar", "-xJf", DEBIAN_TARBALL.toString(), "-C", dir.toString())));
        try (Stream<Path> top = Files.list(folder)) {
            return top.filter(p -> Files.exists(p.resolve("Makefile"))).findFirst()
                    .orElseThrow(() -> new KforgeException("no kernel tree inside " + folder));
        } catch (IOException e) {
            throw new KforgeException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}

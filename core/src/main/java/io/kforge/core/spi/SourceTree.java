package io.kforge.core.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An unpacked, verified kernel tree ready for configuration.
 *
 * @param path the tree's top folder (the one with the top {@code Makefile})
 * @param version the kernel version from the tree's {@code Makefile} ({@code 6.12.57})
 * @param origin where it came from, for the user ({@code /usr/src/linux-source-6.12.tar.xz})
 * @param sha256 the SHA-256 of the archive it was unpacked from, empty for a tree used in place
 * @param verified the names of the checks it passed
 */
public record SourceTree(Path path, String version, String origin, Optional<String> sha256, List<String> verified) {

    /** Copies the list. */
    public SourceTree {
        verified = List.copyOf(verified);
    }
}

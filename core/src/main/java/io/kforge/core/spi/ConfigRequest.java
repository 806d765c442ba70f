package io.kforge.core.spi;

import java.util.List;

/**
 * What the configuration stage is asked to produce.
 *
 * @param tree the kernel tree
 * @param base {@code tinyconfig}, {@code defconfig}, {@code allnoconfig}, an arch defconfig name, or a file path
 * @param fragments fragment files or built-in fragment profile names, applied in order (a later one wins)
 * @param toolchain the compiler backend's {@code make} arguments, used for every {@code make} call
 * @param strict true to fail when any requested option does not take effect or fragments conflict
 */
public record ConfigRequest(SourceTree tree, String base, List<String> fragments, Toolchain toolchain,
                            boolean strict) {

    /** Copies the list. */
    public ConfigRequest {
        fragments = List.copyOf(fragments);
    }
}

package io.kforge.core.spi;

import java.nio.file.Path;

/**
 * What the build stage compiles.
 *
 * @param tree the kernel tree, never written to (builds go to {@code O=})
 * @param config the {@code .config} to build
 * @param toolchain the backend's {@code make} arguments
 * @param target the {@code make} target, {@code bzImage} by default
 * @param jobs the number of parallel jobs
 */
public record BuildRequest(SourceTree tree, Path config, Toolchain toolchain, String target, int jobs) {
}

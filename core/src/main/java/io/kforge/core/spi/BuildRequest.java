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
 * @param ccache compile through {@code ccache}; the image is the same either way, so it is no part of the cache key
 * @param reproducible pin what a build stamps into the image (timestamp, user, host, build number) so that two
 *                     builds of the same inputs give the same bytes
 */
public record BuildRequest(SourceTree tree, Path config, Toolchain toolchain, String target, int jobs, boolean ccache,
                           boolean reproducible) {

    /**
     * Creates a request without ccache and without pinning.
     *
     * @param tree the kernel tree
     * @param config the {@code .config} to build
     * @param toolchain the backend's {@code make} arguments
     * @param target the {@code make} target
     * @param jobs the number of parallel jobs
     */
    public BuildRequest(SourceTree tree, Path config, Toolchain toolchain, String target, int jobs) {
        this(tree, config, toolchain, target, jobs, false, false);
    }
}

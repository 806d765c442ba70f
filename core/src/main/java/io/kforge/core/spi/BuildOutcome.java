package io.kforge.core.spi;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A built kernel.
 *
 * @param image the kernel image ({@code bzImage})
 * @param kernelRelease what {@code uname -r} will print on it
 * @param log the whole build log
 * @param took the wall time of the build, or of the original build on a cache hit
 * @param warnings how many compiler warnings the log holds
 * @param cached true when an earlier identical build was reused
 * @param metadata the {@code build.json} beside the image: inputs, durations, warnings, cache use, and the command
 *                 line that repeats the build by hand
 */
public record BuildOutcome(Path image, String kernelRelease, Path log, Duration took, int warnings, boolean cached,
                           Path metadata) {

    /**
     * Creates an outcome whose metadata is the {@code build.json} beside the image.
     *
     * @param image the kernel image
     * @param kernelRelease what {@code uname -r} will print on it
     * @param log the whole build log
     * @param took the wall time of the build
     * @param warnings how many compiler warnings the log holds
     * @param cached true when an earlier identical build was reused
     */
    public BuildOutcome(Path image, String kernelRelease, Path log, Duration took, int warnings, boolean cached) {
        this(image, kernelRelease, log, took, warnings, cached, image.resolveSibling("build.json"));
    }
}

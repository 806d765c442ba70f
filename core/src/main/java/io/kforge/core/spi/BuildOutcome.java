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
 */
public record BuildOutcome(Path image, String kernelRelease, Path log, Duration took, int warnings, boolean cached) {
}

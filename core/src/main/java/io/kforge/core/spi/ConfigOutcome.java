package io.kforge.core.spi;

import java.nio.file.Path;

/**
 * The final {@code .config} and its report.
 *
 * @param config the final {@code .config} file
 * @param report what happened to each requested option
 */
public record ConfigOutcome(Path config, ConfigReport report) {
}

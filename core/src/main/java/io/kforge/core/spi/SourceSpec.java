package io.kforge.core.spi;

import java.util.Map;

/**
 * Where a kernel tree comes from, as a recipe or the command line says it.
 *
 * @param kind the fetcher's id ({@code local}, later {@code kernel.org}, {@code git}, {@code debian})
 * @param location what that fetcher reads: a path, a version, a URL
 * @param options fetcher-specific settings
 */
public record SourceSpec(String kind, String location, Map<String, String> options) {

    /** Copies the options. */
    public SourceSpec {
        options = Map.copyOf(options);
    }
}

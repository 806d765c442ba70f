package io.kforge.kbuild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The hits and misses of one build's compilations through ccache, read from the statistics log ccache writes when
 * {@code CCACHE_STATSLOG} is set, so other builds sharing the cache do not blur the figures.
 *
 * @param hits compilations served from the cache
 * @param misses compilations that ran the compiler and filled the cache
 */
public record CcacheStats(int hits, int misses) {

    /**
     * Reads a statistics log.
     *
     * @param log the file {@code CCACHE_STATSLOG} named
     * @return the counts; zero when the log does not exist
     */
    public static CcacheStats read(Path log) {
        if (!Files.isRegularFile(log)) {
            return new CcacheStats(0, 0);
        }
        try (var lines = Files.lines(log)) {
            var hits = 0;
            var misses = 0;
            for (var line : (Iterable<String>) lines::iterator) {
                switch (line.strip()) {
                    case "direct_cache_hit", "preprocessed_cache_hit" -> hits++;
                    case "cache_miss" -> misses++;
                    default -> { }
                }
            }
            return new CcacheStats(hits, misses);
        } catch (IOException e) {
            return new CcacheStats(0, 0);
        }
    }

    /**
     * Returns the share of cacheable compilations served from the cache.
     *
     * @return from 0 to 1; 0 when nothing was compiled
     */
    public double hitRate() {
        return hits + misses == 0 ? 0 : (double) hits / (hits + misses);
    }
}

package io.kforge.config.kconfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Measures the phases of a configuration run, for the log line that says where the time went.
 */
final class PhaseClock {

    private final long started = System.nanoTime();
    private final Map<String, Long> phases = new LinkedHashMap<>();
    private long last = started;

    /**
     * Ends a phase.
     *
     * @param phase its name
     */
    void lap(String phase) {
        var now = System.nanoTime();
        phases.merge(phase, now - last, Long::sum);
        last = now;
    }

    /**
     * Returns the time since the clock started.
     *
     * @return milliseconds
     */
    long total() {
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Override
    public String toString() {
        return phases.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() / 1_000_000 + " ms")
                .collect(Collectors.joining(", ")) + ", total " + total() + " ms";
    }
}

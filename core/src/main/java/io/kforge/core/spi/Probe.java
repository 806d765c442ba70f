package io.kforge.core.spi;

import java.util.List;
import java.util.Map;

/**
 * What a provider found on the host: the tools it needs with their versions, and what is missing.
 *
 * @param found tool name to the version found
 * @param missing one line per missing or unusable tool, saying what to install
 */
public record Probe(Map<String, String> found, List<String> missing) {

    /** Copies the collections so the probe cannot change afterwards. */
    public Probe {
        found = Map.copyOf(found);
        missing = List.copyOf(missing);
    }

    /**
     * Returns a probe for a provider that needs nothing from the host.
     *
     * @return an empty probe
     */
    public static Probe nothingNeeded() {
        return new Probe(Map.of(), List.of());
    }

    /**
     * Probes tools by running {@code TOOL --version} for each and keeping the first line it prints.
     *
     * @param tools tool name to the install hint shown when it is missing ({@code apt-get install make})
     * @return the tools found with their versions, and a line per missing tool
     */
    public static Probe tools(Map<String, String> tools) {
        var found = new java.util.TreeMap<String, String>();
        var missing = new java.util.ArrayList<String>();
        var runner = CommandRunner.local();
        for (var tool : new java.util.TreeMap<>(tools).entrySet()) {
            try {
                var lines = new java.util.ArrayList<String>();
                var result = runner.run(Command.of(tool.getKey(), "--version")
                        .withTimeout(java.time.Duration.ofSeconds(20)), lines::add);
                if (result.ok() && !lines.isEmpty()) {
                    found.put(tool.getKey(), lines.getFirst().strip());
                } else {
                    missing.add(tool.getKey() + ": does not run (" + result.failure() + "); " + tool.getValue());
                }
            } catch (KforgeException e) {
                missing.add(tool.getKey() + ": not found; " + tool.getValue());
            }
        }
        return new Probe(found, missing);
    }

    /**
     * Tells whether the provider can run on this host.
     *
     * @return true when nothing is missing
     */
    public boolean usable() {
        return missing.isEmpty();
    }
}

package io.kforge.core.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a provider found on the host: the tools it needs with their versions, and what is missing.
 *
 * <p>A provider may also give the full table ({@link #checks}): one row per tool with the version found, the version
 * needed and the install command, which {@code kforge doctor} prints; and the one command that installs everything
 * missing on this distribution.
 *
 * @param found tool name to the version found
 * @param missing one line per missing or unusable required tool, saying what to install
 * @param checks every tool checked, in the order to show them; empty when the provider gives only the two above
 * @param install the command that installs every missing package at once, as an argument list; empty when nothing
 *                is missing or no package manager is known
 */
public record Probe(Map<String, String> found, List<String> missing, List<ToolCheck> checks, List<String> install) {

    /** Copies the collections so the probe cannot change afterwards. */
    public Probe {
        found = Map.copyOf(found);
        missing = List.copyOf(missing);
        checks = List.copyOf(checks);
        install = List.copyOf(install);
    }

    /**
     * Creates a probe without a table of checks.
     *
     * @param found tool name to the version found
     * @param missing one line per missing or unusable tool, saying what to install
     */
    public Probe(Map<String, String> found, List<String> missing) {
        this(found, missing, List.of(), List.of());
    }

    /**
     * Creates a probe from its table: the versions found and the missing lines are derived from the rows.
     *
     * @param checks every tool checked
     * @param install the command that installs every missing package, or an empty list
     * @return the probe
     */
    public static Probe of(List<ToolCheck> checks, List<String> install) {
        var found = new LinkedHashMap<String, String>();
        var missing = new ArrayList<String>();
        for (var check : checks) {
            check.found().ifPresent(version -> found.putIfAbsent(check.tool(), version));
            if (!check.ok() && check.required()) {
                missing.add(check.problem());
            }
        }
        return new Probe(found, missing, checks, install);
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

    /**
     * Returns the table of checks; for a provider that gives none, one row per tool found and per missing line.
     *
     * @return the rows, in order
     */
    public List<ToolCheck> rows() {
        if (!checks.isEmpty()) {
            return checks;
        }
        var rows = new ArrayList<ToolCheck>();
        found.forEach((tool, version) -> rows.add(new ToolCheck(tool, Optional.of(version), "any", true, true, "",
                "")));
        for (var line : missing) {
            var tool = line.split("[\\s:]", 2)[0];
            rows.add(new ToolCheck(tool, Optional.empty(), "any", false, true, "", line));
        }
        return rows;
    }

    /**
     * Returns this probe with more rows: a row for a tool already in the table only makes that row required when the
     * new one is.
     *
     * @param more the rows to add, from another provider
     * @return the combined probe, with this probe's install command
     */
    public Probe with(List<ToolCheck> more) {
        var rows = new ArrayList<>(rows());
        for (var row : more) {
            var same = rows.stream().filter(r -> r.tool().equals(row.tool())).findFirst();
            if (same.isEmpty()) {
                rows.add(row);
            } else if (row.required() && !same.get().required()) {
                rows.set(rows.indexOf(same.get()), same.get().asRequired());
            }
        }
        return of(rows, install);
    }

    /**
     * Returns this probe with the named tool's row made required, for a caller that knows the tool is needed.
     *
     * @param tool the tool's name in the table
     * @return the probe; unchanged when no row has that name
     */
    public Probe requiring(String tool) {
        var rows = rows().stream().map(r -> r.tool().equals(tool) ? r.asRequired() : r).toList();
        return of(rows, install);
    }
}

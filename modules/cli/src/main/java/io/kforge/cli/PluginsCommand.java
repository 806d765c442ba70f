package io.kforge.cli;

import io.kforge.core.PluginRegistry;
import picocli.CommandLine.Command;

/**
 * {@code kforge plugins}: lists every stage provider with its origin and status, and every plugin jar or bundle that
 * failed before its providers could be told apart (kind {@code unknown}).
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"List every plugin: kind, id, version, origin (built-in, plugins:JAR, or bundle:JAR"
                + " (SYMBOLIC-NAME)) and status (loaded, or why not).",
                "A jar or bundle that failed before its providers could be told apart is listed with kind unknown."})
final class PluginsCommand extends KforgeSubcommand {

    private static final String UNKNOWN_KIND = "unknown";

    @Override
    public Integer call() {
        try (var registry = PluginRegistry.load(options.pluginFolders(), options.bundleFolders())) {
            var plugins = registry.list();
            var problems = registry.problems();
            var out = spec.commandLine().getOut();
            if (options.json) {
                out.println(Json.plugins(plugins, problems));
                return 0;
            }
            var format = "%-9s %-16s %-16s %-40s %s%n";
            out.printf(format, "KIND", "ID", "VERSION", "ORIGIN", "STATUS");
            plugins.forEach(p -> out.printf(format, p.kind().label(), p.id(), p.version(), p.origin(), p.status()));
            problems.forEach(p -> out.printf(format, UNKNOWN_KIND, p.name(), p.version(), p.origin(), p.reason()));
            return 0;
        }
    }
}

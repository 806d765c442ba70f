package io.kforge.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kforge plugins}: lists every stage provider with its origin and status.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List every plugin: kind, id, version, origin (built-in or plugins folder) and status.")
final class PluginsCommand implements Callable<Integer>, JsonReporting {

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public boolean json() {
        return options.json;
    }

    @Override
    public Integer call() {
        var plugins = io.kforge.core.PluginRegistry.load(options.pluginFolders()).list();
        var out = spec.commandLine().getOut();
        if (options.json) {
            out.println(Json.plugins(plugins));
            return 0;
        }
        var format = "%-9s %-12s %-16s %-24s %s%n";
        out.printf(format, "KIND", "ID", "VERSION", "ORIGIN", "STATUS");
        plugins.forEach(p -> out.printf(format, p.kind().label(), p.id(), p.version(), p.origin(), p.status()));
        return 0;
    }
}

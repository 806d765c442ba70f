package io.kforge.cli;

import io.kforge.core.Kforge;
import io.kforge.core.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Options every command takes: the workspace, extra plugin folders and JSON output.
 */
final class CommonOptions {

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "Where stage outputs are kept (default: $KFORGE_WORKSPACE, else ~/.cache/kforge).")
    Path workspace;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "A folder of plugin jars, besides the image's plugins/ folder and $KFORGE_PLUGINS.")
    List<Path> plugins = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON document with the result.")
    boolean json;

    /**
     * Opens the workspace and loads the plugins.
     *
     * @return the toolkit
     */
    Kforge open() {
        return Kforge.open(workspaceFolder(), pluginFolders());
    }

    Path workspaceFolder() {
        if (workspace != null) {
            return workspace;
        }
        return Optional.ofNullable(System.getenv("KFORGE_WORKSPACE")).filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(Workspace::defaultFolder);
    }

    List<Path> pluginFolders() {
        var folders = new ArrayList<Path>();
        Optional.ofNullable(System.getProperty("kforge.home")).map(home -> Path.of(home, "plugins"))
                .ifPresent(folders::add);
        Optional.ofNullable(System.getenv("KFORGE_PLUGINS")).filter(s -> !s.isBlank()).map(Path::of)
                .ifPresent(folders::add);
        folders.addAll(plugins);
        return folders;
    }
}

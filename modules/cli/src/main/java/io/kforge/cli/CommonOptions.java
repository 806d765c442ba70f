package io.kforge.cli;

import io.kforge.core.Kforge;
import io.kforge.core.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Options every command takes: the workspace, extra plugin and bundle folders, and JSON output.
 */
final class CommonOptions {

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "Where stage outputs are kept (default: $KFORGE_WORKSPACE, else ~/.cache/kforge).")
    Path workspace;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "A folder of plugin jars, besides the image's plugins/ folder and $KFORGE_PLUGINS.")
    List<Path> plugins = new ArrayList<>();

    @Option(names = "--bundles", paramLabel = "DIR",
            description = "A folder of OSGi bundles, besides the image's bundles/ folder and $KFORGE_BUNDLES.")
    List<Path> bundles = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON document with the result.")
    boolean json;

    /**
     * Opens the workspace and loads the plugins; the caller closes the toolkit, which stops the OSGi framework.
     *
     * @return the toolkit
     */
    Kforge open() {
        return Kforge.open(workspaceFolder(), pluginFolders(), bundleFolders());
    }

    Path workspaceFolder() {
        if (workspace != null) {
            return workspace;
        }
        return Optional.ofNullable(System.getenv("KFORGE_WORKSPACE")).filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(Workspace::defaultFolder);
    }

    /**
     * Returns the plugin folders: the image's {@code plugins/}, {@code $KFORGE_PLUGINS}, then each {@code --plugins}.
     *
     * @return the folders, in that order
     */
    List<Path> pluginFolders() {
        return folders("plugins", "KFORGE_PLUGINS", plugins);
    }

    /**
     * Returns the bundle folders: the image's {@code bundles/}, {@code $KFORGE_BUNDLES}, then each {@code --bundles}.
     *
     * @return the folders, in that order
     */
    List<Path> bundleFolders() {
        return folders("bundles", "KFORGE_BUNDLES", bundles);
    }

    private static List<Path> folders(String inImage, String variable, List<Path> given) {
        var folders = new ArrayList<Path>();
        Optional.ofNullable(System.getProperty("kforge.home")).map(home -> Path.of(home, inImage))
                .ifPresent(folders::add);
        Optional.ofNullable(System.getenv(variable)).filter(s -> !s.isBlank()).map(Path::of)
                .ifPresent(folders::add);
        folders.addAll(given);
        return folders;
    }
}

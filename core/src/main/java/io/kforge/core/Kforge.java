package io.kforge.core;

import io.kforge.core.spi.StageListener;
import java.nio.file.Path;
import java.util.List;

/**
 * The entry point of the automation API: a workspace plus the plugins, from which pipelines are made.
 *
 * <pre>{@code
 * try (var kforge = Kforge.open(Workspace.defaultFolder(), List.of())) {
 *     RunResult result = kforge.pipeline(StageListener.NONE).up(Recipe.defaults());
 *     System.out.println(result.boot().kernelRelease());
 * }
 * }</pre>
 *
 * <p>Close it when done: that stops the OSGi framework when bundles were loaded.
 *
 * @param workspace where stage outputs go
 * @param plugins the providers
 */
public record Kforge(Workspace workspace, PluginRegistry plugins) implements AutoCloseable {

    /**
     * Opens a workspace and loads the built-in providers plus those of the given plugin folders.
     *
     * @param workspaceFolder the workspace folder, created when missing
     * @param pluginFolders folders of plugin jars
     * @return the toolkit
     */
    public static Kforge open(Path workspaceFolder, List<Path> pluginFolders) {
        return open(workspaceFolder, pluginFolders, List.of());
    }

    /**
     * Opens a workspace and loads the built-in providers, those of the plugin folders and those of the OSGi bundles
     * in the bundle folders.
     *
     * @param workspaceFolder the workspace folder, created when missing
     * @param pluginFolders folders of plugin jars (JPMS modules)
     * @param bundleFolders folders of OSGi bundles
     * @return the toolkit; close it when done
     */
    public static Kforge open(Path workspaceFolder, List<Path> pluginFolders, List<Path> bundleFolders) {
        var workspace = Workspace.at(workspaceFolder);
        return new Kforge(workspace, PluginRegistry.load(pluginFolders, bundleFolders));
    }

    /**
     * Returns a new pipeline on this workspace and these plugins.
     *
     * @param listener receives the stages' events
     * @return the pipeline
     */
    public Pipeline pipeline(StageListener listener) {
        return new Pipeline(plugins, workspace, listener);
    }

    /** Stops the plugin sources (the OSGi framework); the pipelines made from this toolkit must not be used after. */
    @Override
    public void close() {
        plugins.close();
    }
}

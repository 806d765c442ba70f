package io.kforge.core;

import io.kforge.core.spi.StageListener;
import java.nio.file.Path;
import java.util.List;

/**
 * The entry point of the automation API: a workspace plus the plugins, from which pipelines are made.
 *
 * <pre>{@code
 * var kforge = Kforge.open(Workspace.defaultFolder(), List.of());
 * RunResult result = kforge.pipeline(StageListener.NONE).up(Recipe.defaults());
 * System.out.println(result.boot().kernelRelease());
 * }</pre>
 *
 * @param workspace where stage outputs go
 * @param plugins the providers
 */
public record Kforge(Workspace workspace, PluginRegistry plugins) {

    /**
     * Opens a workspace and loads the built-in providers plus those of the given plugin folders.
     *
     * @param workspaceFolder the workspace folder, created when missing
     * @param pluginFolders folders of plugin jars
     * @return the toolkit
     */
    public static Kforge open(Path workspaceFolder, List<Path> pluginFolders) {
        return new Kforge(Workspace.at(workspaceFolder), PluginRegistry.load(pluginFolders));
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
}

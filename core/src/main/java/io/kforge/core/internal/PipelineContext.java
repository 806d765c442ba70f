package io.kforge.core.internal;

import io.kforge.core.Workspace;
import io.kforge.core.spi.CommandRunner;
import io.kforge.core.spi.StageContext;
import io.kforge.core.spi.StageListener;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The stage context the pipeline hands to providers: a listener, the command runner and the workspace's entries for
 * the stage.
 *
 * @param stage the stage label
 * @param listener the listener
 * @param commands the command runner
 * @param workspace the workspace
 */
public record PipelineContext(String stage, StageListener listener, CommandRunner commands, Workspace workspace)
        implements StageContext {

    @Override
    public Path cached(String key, Consumer<Path> producer) {
        return workspace.cached(stage, key, producer);
    }

    @Override
    public Path newRunFolder(String label) {
        return workspace.newRunFolder(stage + "-" + label);
    }

    @Override
    public boolean isCached(String key) {
        return workspace.has(stage, key);
    }
}

package io.kforge.source.local;

import io.kforge.core.Workspace;
import io.kforge.core.spi.CommandRunner;
import io.kforge.core.spi.StageContext;
import io.kforge.core.spi.StageListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * A stage context for tests: entries go to a real {@link Workspace}, log lines, warnings and progress are kept.
 */
final class RecordingContext implements StageContext {

    private final Workspace workspace;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final List<long[]> progress = Collections.synchronizedList(new ArrayList<>());

    RecordingContext(Workspace workspace) {
        this.workspace = workspace;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    List<long[]> progress() {
        return List.copyOf(progress);
    }

    @Override
    public String stage() {
        return "source";
    }

    @Override
    public StageListener listener() {
        return new StageListener() {
            @Override
            public void log(String stage, String line) {
                lines.add(line);
            }

            @Override
            public void warning(String stage, String message) {
                warnings.add(message);
            }

            @Override
            public void progress(String stage, long done, long total) {
                progress.add(new long[] {done, total});
            }
        };
    }

    @Override
    public CommandRunner commands() {
        return CommandRunner.local();
    }

    @Override
    public Path cached(String key, Consumer<Path> producer) {
        return workspace.cached(stage(), key, producer);
    }

    @Override
    public boolean isCached(String key) {
        return workspace.has(stage(), key);
    }

    @Override
    public Path newRunFolder(String label) {
        return workspace.newRunFolder(label);
    }
}

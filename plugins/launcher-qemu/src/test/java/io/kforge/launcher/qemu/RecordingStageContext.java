package io.kforge.launcher.qemu;

import io.kforge.core.Workspace;
import io.kforge.core.spi.Command;
import io.kforge.core.spi.CommandResult;
import io.kforge.core.spi.CommandRunner;
import io.kforge.core.spi.RunningProcess;
import io.kforge.core.spi.StageContext;
import io.kforge.core.spi.StageListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * A stage context on a real workspace and the real command runner that keeps the log lines, the warnings and the
 * commands started, so tests can see what the launcher said and whether it started QEMU at all.
 */
final class RecordingStageContext implements StageContext {

    private final Workspace workspace;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final List<Command> started = Collections.synchronizedList(new ArrayList<>());
    private final CommandRunner local = CommandRunner.local();

    RecordingStageContext(Path workspace) {
        this.workspace = Workspace.at(workspace);
    }

    @Override
    public String stage() {
        return "boot";
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
        };
    }

    @Override
    public CommandRunner commands() {
        return new CommandRunner() {
            @Override
            public CommandResult run(Command command, Consumer<String> output) {
                started.add(command);
                return local.run(command, output);
            }

            @Override
            public RunningProcess start(Command command, Consumer<String> output) {
                started.add(command);
                return local.start(command, output);
            }
        };
    }

    @Override
    public Path cached(String key, Consumer<Path> producer) {
        return workspace.cached(stage(), key, producer);
    }

    @Override
    public Path newRunFolder(String label) {
        return workspace.newRunFolder(stage() + "-" + label);
    }

    @Override
    public boolean isCached(String key) {
        return workspace.has(stage(), key);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    List<Command> started() {
        return List.copyOf(started);
    }
}

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
 * The boot stage's context from {@link Workspace#context}, whose command runner also keeps every command started,
 * so tests can see whether the launcher started QEMU at all and with which accelerator.
 */
final class CommandRecordingContext implements StageContext {

    private final StageContext real;
    private final List<Command> started = Collections.synchronizedList(new ArrayList<>());

    CommandRecordingContext(Path workspace, StageListener listener) {
        this.real = Workspace.at(workspace).context("boot", listener);
    }

    /** Returns the commands started so far through this context, in order. */
    List<Command> started() {
        return List.copyOf(started);
    }

    @Override
    public CommandRunner commands() {
        var local = real.commands();
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
    public String stage() {
        return real.stage();
    }

    @Override
    public StageListener listener() {
        return real.listener();
    }

    @Override
    public Path cached(String key, Consumer<Path> producer) {
        return real.cached(key, producer);
    }

    @Override
    public boolean isCached(String key) {
        return real.isCached(key);
    }

    @Override
    public Path newRunFolder(String label) {
        return real.newRunFolder(label);
    }
}

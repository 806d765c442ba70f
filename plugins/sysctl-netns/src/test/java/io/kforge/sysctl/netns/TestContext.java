package io.kforge.sysctl.netns;

import io.kforge.core.Workspace;
import io.kforge.core.spi.CommandRunner;
import io.kforge.core.spi.StageContext;
import io.kforge.core.spi.StageListener;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A stage context over a real workspace in a test folder that keeps the warnings it is given. */
record TestContext(Workspace workspace, List<String> warnings) implements StageContext {

    static TestContext in(Path folder) {
        return new TestContext(Workspace.at(folder), new CopyOnWriteArrayList<>());
    }

    @Override
    public String stage() {
        return "sysctl";
    }

    @Override
    public StageListener listener() {
        return new StageListener() {
            @Override
            public void warning(String stage, String message) {
                warnings.add(message);
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
    public Path newRunFolder(String label) {
        return workspace.newRunFolder(stage() + "-" + label);
    }

    @Override
    public boolean isCached(String key) {
        return workspace.has(stage(), key);
    }
}

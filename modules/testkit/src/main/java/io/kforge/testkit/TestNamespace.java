package io.kforge.testkit;

import io.kforge.core.spi.Command;
import io.kforge.core.spi.CommandResult;
import io.kforge.core.spi.CommandRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A real network namespace made with {@code ip netns add} for one test and deleted when closed, so tests can change
 * namespaced sysctl values without touching this machine's own.
 */
public final class TestNamespace implements AutoCloseable {

    private static final CommandRunner COMMANDS = CommandRunner.local();

    private final String name;

    private TestNamespace(String name) {
        this.name = name;
    }

    /**
     * Creates a new namespace with a unique name ({@code kforge-t-} and 8 hex digits).
     *
     * @return the namespace; close it to delete it
     * @throws IllegalStateException when {@code ip netns add} fails
     */
    public static TestNamespace create() {
        var name = "kforge-t-" + UUID.randomUUID().toString().substring(0, 8);
        run(Command.of("ip", "netns", "add", name));
        return new TestNamespace(name);
    }

    /**
     * Returns the namespace's name, as {@code ip netns} knows it.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Runs a command inside the namespace with {@code ip netns exec}, whatever its exit code.
     *
     * @param arguments the command and its arguments
     * @param output receives each line the command prints
     * @return how the command ended
     */
    public CommandResult exec(List<String> arguments, Consumer<String> output) {
        return COMMANDS.run(Command.of("ip", "netns", "exec", name).plus(arguments), output);
    }

    /**
     * Reads a sysctl key inside the namespace, as {@code cat} prints it, trimmed.
     *
     * @param path the key's path under {@code /proc/sys} ({@code net/core/somaxconn})
     * @return the value
     * @throws IllegalStateException when the key cannot be read
     */
    public String read(String path) {
        return run(Command.of("ip", "netns", "exec", name, "cat", "/proc/sys/" + path)).strip();
    }

    /**
     * Deletes the namespace.
     *
     * @throws IllegalStateException when {@code ip netns del} fails
     */
    @Override
    public void close() {
        run(Command.of("ip", "netns", "del", name));
    }

    private static String run(Command command) {
        var output = new ArrayList<String>();
        var result = COMMANDS.run(command, output::add);
        if (!result.ok()) {
            throw new IllegalStateException(result.failure());
        }
        return String.join("\n", output);
    }
}

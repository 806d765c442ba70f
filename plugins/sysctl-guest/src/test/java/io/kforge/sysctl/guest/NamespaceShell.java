package io.kforge.sysctl.guest;

import io.kforge.core.spi.Command;
import io.kforge.core.spi.CommandRunner;
import io.kforge.core.spi.ExecResult;
import io.kforge.core.spi.GuestShell;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A real shell in a real network namespace stands in for the guest: {@code ip netns exec NS sh -c CMD}. */
final class NamespaceShell implements GuestShell, AutoCloseable {

    private static final CommandRunner COMMANDS = CommandRunner.local();

    private final String namespace;
    private final List<String> commands = new ArrayList<>();

    private NamespaceShell(String namespace) {
        this.namespace = namespace;
    }

    static NamespaceShell create() {
        var name = "kforge-t-" + UUID.randomUUID().toString().substring(0, 8);
        run("ip", "netns", "add", name);
        return new NamespaceShell(name);
    }

    @Override
    public ExecResult exec(String command) {
        commands.add(command);
        var output = new ArrayList<String>();
        var result = COMMANDS.run(Command.of("ip", "netns", "exec", namespace, "sh", "-c", command), line -> {
            synchronized (output) {
                output.add(line);
            }
        });
        return new ExecResult(command, String.join("\n", output), result.exitCode());
    }

    /** Returns every command line the applier sent, in order. */
    List<String> commands() {
        return commands;
    }

    /** Reads a key inside the namespace with {@code cat}, trimmed. */
    String read(String path) {
        return run("ip", "netns", "exec", namespace, "cat", "/proc/sys/" + path).strip();
    }

    @Override
    public void close() {
        run("ip", "netns", "del", namespace);
    }

    private static String run(String... arguments) {
        var output = new ArrayList<String>();
        var result = COMMANDS.run(Command.of(arguments), output::add);
        if (!result.ok()) {
            throw new IllegalStateException(result.failure());
        }
        return String.join("\n", output);
    }
}

package io.kforge.sysctl.guest;

import io.kforge.core.spi.ExecResult;
import io.kforge.core.spi.GuestShell;
import io.kforge.testkit.TestNamespace;
import java.util.ArrayList;
import java.util.List;

/** A real shell in a real network namespace stands in for the guest: {@code ip netns exec NS sh -c CMD}. */
final class NamespaceShell implements GuestShell, AutoCloseable {

    private final TestNamespace namespace;
    private final List<String> commands = new ArrayList<>();

    private NamespaceShell(TestNamespace namespace) {
        this.namespace = namespace;
    }

    static NamespaceShell create() {
        return new NamespaceShell(TestNamespace.create());
    }

    @Override
    public ExecResult exec(String command) {
        commands.add(command);
        var output = new ArrayList<String>();
        var result = namespace.exec(List.of("sh", "-c", command), line -> {
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
        return namespace.read(path);
    }

    @Override
    public void close() {
        namespace.close();
    }
}

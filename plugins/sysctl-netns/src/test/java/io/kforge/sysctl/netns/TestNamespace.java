package io.kforge.sysctl.netns;

import io.kforge.core.spi.Command;
import io.kforge.core.spi.CommandRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A real network namespace made with {@code ip netns add} for one test, and deleted after it. */
final class TestNamespace implements AutoCloseable {

    private static final CommandRunner COMMANDS = CommandRunner.local();

    private final String name;

    private TestNamespace(String name) {
        this.name = name;
    }

    static TestNamespace create() {
        var name = "kforge-t-" + UUID.randomUUID().toString().substring(0, 8);
        run("ip", "netns", "add", name);
        return new TestNamespace(name);
    }

    String name() {
        return name;
    }

    /** Reads a key inside the namespace, as {@code cat} prints it, trimmed. */
    String read(String path) {
        return run("ip", "netns", "exec", name, "cat", "/proc/sys/" + path).strip();
    }

    /** Reads keys of this machine's own namespace, straight from /proc/sys, to prove a test left them alone. */
    static Map<String, String> host(List<String> paths) {
        var values = new HashMap<String, String>();
        for (var path : paths) {
            var file = Path.of("/proc/sys", path);
            // Files.readString reads one byte first, and a sysctl file ends after it: read it in one go.
            try (var in = Files.exists(file) ? Files.newInputStream(file) : java.io.InputStream.nullInputStream()) {
                values.put(path, Files.exists(file) ? new String(in.readAllBytes()).strip() : "(absent)");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return values;
    }

    @Override
    public void close() {
        run("ip", "netns", "del", name);
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

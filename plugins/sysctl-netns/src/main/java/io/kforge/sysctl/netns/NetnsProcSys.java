package io.kforge.sysctl.netns;

import io.kforge.core.spi.Command;
import io.kforge.core.spi.CommandResult;
import io.kforge.core.spi.CommandRunner;
import io.kforge.core.spi.KforgeException;
import io.kforge.sysctl.KeyState;
import io.kforge.sysctl.KeyView;
import io.kforge.sysctl.ProcSys;
import io.kforge.sysctl.ProcSysScript;
import io.kforge.sysctl.SysctlKey;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /proc/sys} of a network namespace, reached with {@code ip netns exec NAME sh -c SCRIPT sh ARG...}:
 * argument lists only, keys and values as separate arguments.
 *
 * <p>A key's scope comes from comparing the namespace's view with the one kforge runs in (the host): the host's
 * file is held open while the namespace looks it up, so an equal inode means the very same, global, file.
 */
final class NetnsProcSys implements ProcSys {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final String name;
    private final CommandRunner commands;

    NetnsProcSys(String name, CommandRunner commands) {
        this.name = name;
        this.commands = commands;
    }

    @Override
    public String label() {
        return "netns:" + name;
    }

    @Override
    public boolean initialNamespace() {
        return false;
    }

    @Override
    public List<SysctlKey> expand(SysctlKey glob) {
        var output = new ArrayList<String>();
        var result = run(ProcSysScript.EXPAND, List.of(glob.path()), output);
        require(result);
        return ProcSysScript.parseExpand(output);
    }

    @Override
    public Map<SysctlKey, KeyState> read(List<SysctlKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        var held = new ArrayList<FileChannel>();
        try {
            var host = new LinkedHashMap<SysctlKey, KeyView>();
            for (var key : keys) {
                host.put(key, hostView(Path.of(key.path()), held));
            }
            var output = new ArrayList<String>();
            require(run(ProcSysScript.READ, ProcSysScript.readParameters(false, keys), output));
            var readings = ProcSysScript.parseRead(keys, output);
            var states = new LinkedHashMap<SysctlKey, KeyState>();
            for (var key : keys) {
                var reading = readings.get(key);
                var other = host.get(key);
                states.put(key, new KeyState(reading.view().exists(), reading.view().writable(), reading.value(),
                        reading.view().exists() || other.exists(), KeyView.scope(reading.view(), Optional.of(other))));
            }
            return states;
        } finally {
            held.forEach(NetnsProcSys::closeQuietly);
        }
    }

    @Override
    public Optional<String> write(SysctlKey key, String value) {
        var output = new ArrayList<String>();
        var result = run(ProcSysScript.WRITE, List.of(value, key.path()), output);
        return result.ok() ? Optional.empty() : Optional.of(ProcSysScript.reason(output, result.exitCode()));
    }

    private CommandResult run(String script, List<String> parameters, List<String> output) {
        var arguments = new ArrayList<>(List.of("ip", "netns", "exec", name, "sh", "-c", script, "sh"));
        arguments.addAll(parameters);
        var result = commands.run(Command.of(arguments).withTimeout(LIMIT), line -> {
            synchronized (output) {
                output.add(line);
            }
        });
        if (result.timedOut()) {
            throw new KforgeException(label() + " did not answer within " + LIMIT.toSeconds() + " s: "
                    + result.failure());
        }
        return result;
    }

    private void require(CommandResult result) {
        if (!result.ok()) {
            throw new KforgeException("cannot read /proc/sys in " + label() + ": " + result.failure());
        }
    }

    private static KeyView hostView(Path file, List<FileChannel> held) {
        if (!Files.exists(file)) {
            return KeyView.ABSENT;
        }
        try {
            if (Files.isReadable(file)) {
                held.add(FileChannel.open(file));
            }
            var inode = String.valueOf(Files.getAttribute(file, "unix:ino"));
            return new KeyView(true, Files.isWritable(file), inode);
        } catch (IOException | UnsupportedOperationException e) {
            return new KeyView(true, Files.isWritable(file), "");
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // a read-only handle on /proc/sys: closing it cannot lose data
        }
    }
}

package io.kforge.core.internal;

import io.kforge.core.spi.Command;
import io.kforge.core.spi.CommandResult;
import io.kforge.core.spi.CommandRunner;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.RunningProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecuteResultHandler;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.LogOutputStream;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Runs commands with Apache Commons Exec, killing whole process trees on timeout or close.
 */
public final class ExecCommandRunner implements CommandRunner {

    private static final System.Logger LOG = System.getLogger(ExecCommandRunner.class.getName());
    private static final int TAIL_LINES = 40;

    @Override
    public CommandResult run(Command command, Consumer<String> lines) {
        try (var process = start(command, lines)) {
            return process.waitFor(command.timeout()).orElseGet(process::killForTimeout);
        }
    }

    @Override
    public Started start(Command command, Consumer<String> lines) {
        LOG.log(System.Logger.Level.DEBUG, "running {0}", command.display());
        var line = new CommandLine(command.arguments().getFirst());
        command.arguments().stream().skip(1).forEach(argument -> line.addArgument(argument, false));
        var tail = new Tail(lines);
        var launched = new CompletableFuture<Process>();
        var executor = new TreeTrackingExecutor(launched, command.directory(), new PumpStreamHandler(tail, tail));
        executor.setExitValues(null);
        var handler = new DefaultExecuteResultHandler();
        var environment = new HashMap<>(System.getenv());
        environment.putAll(command.environment());
        long started = System.nanoTime();
        try {
            executor.execute(line, environment, handler);
        } catch (IOException e) {
            throw new KforgeException("cannot start '" + command.arguments().getFirst() + "': " + e.getMessage(), e);
        }
        return new Started(command, awaitLaunch(command, launched, handler), handler, tail, started);
    }

    private static Process awaitLaunch(Command command, CompletableFuture<Process> launched,
                                       DefaultExecuteResultHandler handler) {
        var program = command.arguments().getFirst();
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                return launched.get(10, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (handler.hasResult() && !launched.isDone()) {
                    var cause = handler.getException();
                    throw new KforgeException("cannot start '" + program + "'"
                            + (cause == null ? "" : ": " + rootMessage(cause)), cause);
                }
            } catch (ExecutionException e) {
                throw new KforgeException("cannot start '" + program + "': " + rootMessage(e.getCause()), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KforgeException("interrupted while starting '" + program + "'", e);
            }
        }
        throw new KforgeException("'" + program + "' did not start within 60 s");
    }

    private static String rootMessage(Throwable error) {
        var root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static void awaitQuietly(DefaultExecuteResultHandler handler, Duration limit) {
        try {
            handler.waitFor(limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An executor that remembers the process it launched, so that its descendants can be killed too. */
    private static final class TreeTrackingExecutor extends DefaultExecutor {
        private final CompletableFuture<Process> launched;

        TreeTrackingExecutor(CompletableFuture<Process> launched, Optional<Path> directory, PumpStreamHandler streams) {
            this.launched = launched;
            setStreamHandler(streams);
            setWorkingDirectory(directory.orElse(Path.of("")).toAbsolutePath().toFile());
        }

        @Override
        protected Process launch(CommandLine command, Map<String, String> env, Path dir) throws IOException {
            try {
                var process = super.launch(command, env, dir);
                launched.complete(process);
                return process;
            } catch (IOException | RuntimeException e) {
                launched.completeExceptionally(e);
                throw e;
            }
        }
    }

    /** Forwards each line and keeps the last ones for error messages. */
    private static final class Tail extends LogOutputStream {
        private final Consumer<String> lines;
        private final ArrayDeque<String> last = new ArrayDeque<>();

        Tail(Consumer<String> lines) {
            super(1, StandardCharsets.UTF_8);
            this.lines = lines;
        }

        @Override
        protected void processLine(String line, int level) {
            synchronized (last) {
                if (last.size() == TAIL_LINES) {
                    last.removeFirst();
                }
                last.addLast(line);
            }
            lines.accept(line);
        }

        List<String> lines() {
            synchronized (last) {
                return List.copyOf(last);
            }
        }
    }

    /** A started command. */
    public static final class Started implements RunningProcess {
        private final Command command;
        private final Process process;
        private final DefaultExecuteResultHandler handler;
        private final Tail tail;
        private final long startedNanos;

        Started(Command command, Process process, DefaultExecuteResultHandler handler, Tail tail, long startedNanos) {
            this.command = command;
            this.process = process;
            this.handler = handler;
            this.tail = tail;
            this.startedNanos = startedNanos;
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public Optional<CommandResult> waitFor(Duration limit) {
            awaitQuietly(handler, limit);
            if (!handler.hasResult()) {
                return Optional.empty();
            }
            return Optional.of(result(handler.getExitValue(), false));
        }

        CommandResult killForTimeout() {
            close();
            return result(-1, true);
        }

        private CommandResult result(int exitCode, boolean timedOut) {
            var took = Duration.ofNanos(System.nanoTime() - startedNanos);
            return new CommandResult(command, exitCode, took, timedOut, tail.lines());
        }

        @Override
        public void close() {
            var family = process.descendants().toList();
            family.forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(3, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
                family.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                family.forEach(ProcessHandle::destroyForcibly);
                Thread.currentThread().interrupt();
            }
            awaitQuietly(handler, Duration.ofSeconds(5));
        }
    }
}

package io.kforge.launcher.qemu;

import io.kforge.core.spi.Command;
import io.kforge.core.spi.CommandResult;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.RunningProcess;
import io.kforge.core.spi.StageContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * One run of QEMU: the process, the guest's serial console and the shell on it. Closing it kills QEMU and its
 * children, whatever state the guest is in, and keeps the console log.
 */
final class QemuProcess implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(QemuProcess.class.getName());
    private static final int OWN_LINES = 10;

    private final RunningProcess process;
    private final SerialConsole console;
    private final ConsoleShell shell;
    private final Deque<String> ownOutput;
    private final ConsoleSocket socket;
    private final Instant started;

    private QemuProcess(RunningProcess process, SerialConsole console, Deque<String> ownOutput, ConsoleSocket socket,
                        Instant started) {
        this.process = process;
        this.console = console;
        this.shell = new ConsoleShell(console);
        this.ownOutput = ownOutput;
        this.socket = socket;
        this.started = started;
    }

    /**
     * Starts QEMU and connects to the guest's console, which lets the guest start.
     *
     * @param command the QEMU command, serving the console on {@code socket}
     * @param socket where QEMU serves the console
     * @param consoleLog the console log to write
     * @param timeout how long QEMU may take to open the console
     * @param context the stage context, for the command runner and the log
     * @return the running QEMU
     * @throws KforgeException when QEMU cannot start or ends before opening the console, with what it printed
     */
    static QemuProcess start(Command command, ConsoleSocket socket, Path consoleLog, Duration timeout,
                             StageContext context) {
        context.log("running " + command.display());
        context.log("(it waits for a client on the console socket: socat - UNIX-CONNECT:" + socket.path() + ")");
        var ownOutput = new ArrayDeque<String>();
        var started = Instant.now();
        var process = context.commands().start(command, line -> {
            context.log("qemu: " + line);
            if (line.contains("QEMU waiting for connection")) {
                return;
            }
            synchronized (ownOutput) {
                if (ownOutput.size() == OWN_LINES) {
                    ownOutput.removeFirst();
                }
                ownOutput.addLast(line);
            }
        });
        VmReaper.watch(process.pid());
        try {
            var console = SerialConsole.connect(socket.path(), consoleLog, process::isAlive, started.plus(timeout));
            return new QemuProcess(process, console, ownOutput, socket, started);
        } catch (KforgeException e) {
            process.close();
            VmReaper.release(process.pid());
            deleteQuietly(socket);
            throw new KforgeException(e.getMessage() + said(ownOutput), e);
        }
    }

    /**
     * Returns the guest's serial console.
     *
     * @return the console
     */
    SerialConsole console() {
        return console;
    }

    /**
     * Returns the shell of kforge's {@code /init} on the console.
     *
     * @return the shell
     */
    ConsoleShell shell() {
        return shell;
    }

    /**
     * Returns when QEMU was started.
     *
     * @return the start time
     */
    Instant started() {
        return started;
    }

    /**
     * Tells whether QEMU still runs.
     *
     * @return true while it runs
     */
    boolean running() {
        return process.isAlive();
    }

    /**
     * Waits for QEMU to end by itself.
     *
     * @param limit how long to wait
     * @return how it ended, or empty when it still runs
     */
    Optional<CommandResult> awaitExit(Duration limit) {
        return process.waitFor(limit);
    }

    /**
     * Describes how QEMU ended, for error messages: its exit code and the last lines it printed itself.
     *
     * @return a phrase such as {@code QEMU ended after 2 s (exit code 0)}, or that it still runs
     */
    String state() {
        var took = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        var end = awaitExit(Duration.ofSeconds(1));
        var how = end.map(r -> "QEMU ended after " + took + " s (exit code " + r.exitCode() + ")")
                .orElse("QEMU still ran after " + took + " s");
        synchronized (ownOutput) {
            return how + said(ownOutput);
        }
    }

    /**
     * Formats the last console lines for an error message.
     *
     * @return a line break and the guest's last console lines, indented, or a note that it printed nothing
     */
    String consoleTail() {
        var lines = console.tail(15);
        if (lines.isEmpty()) {
            return "; the guest printed nothing (console log " + console.logFile() + ")";
        }
        return "; last console lines (" + console.logFile() + "):\n  " + String.join("\n  ", lines);
    }

    /** Kills QEMU and its children if they still run, closes the console and keeps its log. */
    @Override
    public void close() {
        try {
            process.close();
        } finally {
            VmReaper.release(process.pid());
            console.close();
            deleteQuietly(socket);
        }
    }

    private static void deleteQuietly(ConsoleSocket socket) {
        try {
            socket.delete();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot delete the console socket {0}: {1}", socket.path(),
                    e.getMessage());
        }
    }

    private static String said(Deque<String> lines) {
        synchronized (lines) {
            return lines.isEmpty() ? "" : "; QEMU said: " + String.join(" | ", List.copyOf(lines));
        }
    }
}

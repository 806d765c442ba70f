package io.kforge.core.spi;

import io.kforge.core.internal.ExecCommandRunner;
import java.util.function.Consumer;

/**
 * Runs external commands: argument lists only, output streamed line by line, time limits, and a kill that reaches
 * the whole process tree.
 */
public interface CommandRunner {

    /**
     * Returns the runner that starts processes on this machine.
     *
     * @return a runner backed by Apache Commons Exec
     */
    static CommandRunner local() {
        return new ExecCommandRunner();
    }

    /**
     * Runs a command to its end.
     *
     * @param command the command
     * @param lines receives each line it prints, standard output and error together
     * @return how it ended; a non-zero exit is a result, not an exception
     * @throws KforgeException when the program cannot be started at all
     */
    CommandResult run(Command command, Consumer<String> lines);

    /**
     * Starts a command and returns at once.
     *
     * @param command the command
     * @param lines receives each line it prints, standard output and error together
     * @return the running process; close it to kill it
     * @throws KforgeException when the program cannot be started at all
     */
    RunningProcess start(Command command, Consumer<String> lines);
}

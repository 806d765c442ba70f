package io.kforge.cli;

import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.KforgeException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Starts the command line: parses the arguments, runs the command, and turns failures into one-line messages and
 * exit codes (1 when a stage fails, 2 for bad usage or input), never stack traces.
 */
public final class Main {

    /** Exit code when a stage failed. */
    static final int STAGE_FAILED = 1;
    /** Exit code for bad usage or input. */
    static final int BAD_INPUT = 2;

    private Main() {
    }

    /**
     * Runs kforge with the given arguments and exits with its exit code.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        LogSetup.configure();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs kforge with the given arguments and output streams.
     *
     * @param args the command-line arguments
     * @param out where results go
     * @param err where progress, warnings and errors go
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        var commandLine = new CommandLine(new KforgeCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
            var code = error instanceof InvalidInputException ? BAD_INPUT : STAGE_FAILED;
            if (!(error instanceof KforgeException)) {
                err.println("kforge: internal error: " + error);
                error.printStackTrace(err);
                return STAGE_FAILED;
            }
            var command = line.getCommand();
            if (command instanceof KforgeSubcommand subcommand && subcommand.json()) {
                out.println(Json.error(error.getMessage(), code));
            }
            err.println("kforge: " + error.getMessage());
            return code;
        });
        var code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}

package io.kforge.kbuild;

import io.kforge.core.spi.Command;
import io.kforge.core.spi.CommandRunner;
import io.kforge.core.spi.KforgeException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host's programs as a build sees them: found on a {@code PATH} (this process's, or one given), and run with the
 * same extra environment that every {@code make} call of the build gets.
 *
 * <p>A test gives a {@code PATH} of its own to hide tools or put old ones first; the environment then also goes into
 * the toolchain, so {@code make} sees exactly the tools the check saw.
 */
public final class HostTools {

    private static final Duration TIME_LIMIT = Duration.ofSeconds(60);

    private final Map<String, String> environment;
    private final CommandRunner runner;

    private HostTools(Map<String, String> environment, CommandRunner runner) {
        this.environment = Map.copyOf(environment);
        this.runner = runner;
    }

    /**
     * Returns the host's tools as this process finds them.
     *
     * @return tools on this process's {@code PATH}, with no extra environment
     */
    public static HostTools system() {
        return new HostTools(Map.of(), CommandRunner.local());
    }

    /**
     * Returns the host's tools with an extra environment, such as another {@code PATH} or {@code LIBCLANG_PATH}.
     *
     * @param environment variables added to every command; {@code PATH} also decides where programs are found
     * @return the tools
     */
    public static HostTools with(Map<String, String> environment) {
        return new HostTools(environment, CommandRunner.local());
    }

    /**
     * Returns the extra environment every command gets, for the toolchain to pass on to {@code make}.
     *
     * @return the variables, empty for the system's tools
     */
    public Map<String, String> environment() {
        return environment;
    }

    /**
     * Returns the value of an environment variable as the tools see it.
     *
     * @param name the variable
     * @return its value in the extra environment, else in this process's, else empty
     */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name)).or(() -> Optional.ofNullable(System.getenv(name)))
                .filter(v -> !v.isEmpty());
    }

    /**
     * Finds a program the way a shell does: a name with a slash as it is, else the first executable on {@code PATH}.
     *
     * @param program the program's name
     * @return its path, or empty when it is not there
     */
    public Optional<Path> find(String program) {
        if (program.contains("/")) {
            var path = Path.of(program);
            return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        for (var folder : variable("PATH").orElse("").split(File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            var candidate = Path.of(folder, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs a program found on the {@code PATH} and collects what it prints.
     *
     * @param program the program's name
     * @param arguments its arguments
     * @return how it ended and what it printed, or empty when the program is not there or cannot start
     */
    public Optional<Output> run(String program, List<String> arguments) {
        var path = find(program);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        var all = new ArrayList<String>();
        all.add(path.get().toString());
        all.addAll(arguments);
        return run(Command.of(all));
    }

    /**
     * Runs a command with this environment and collects what it prints.
     *
     * @param command the command; its program should be a path found with {@link #find}
     * @return how it ended and what it printed, or empty when it cannot start
     */
    public Optional<Output> run(Command command) {
        var lines = new ArrayList<String>();
        var env = new HashMap<>(environment);
        env.put("LC_ALL", "C");
        try {
            var result = runner.run(command.withEnvironment(env).withTimeout(TIME_LIMIT), line -> {
                synchronized (lines) {
                    lines.add(line);
                }
            });
            synchronized (lines) {
                return Optional.of(new Output(result.ok() ? 0 : Math.max(1, result.exitCode()), List.copyOf(lines)));
            }
        } catch (KforgeException e) {
            return Optional.empty();
        }
    }

    /**
     * What a program printed, standard output and error together.
     *
     * @param exitCode 0 on success
     * @param lines the lines it printed
     */
    public record Output(int exitCode, List<String> lines) {

        /**
         * Tells whether the program succeeded.
         *
         * @return true on exit code 0
         */
        public boolean ok() {
            return exitCode == 0;
        }

        /**
         * Finds the first version the program printed.
         *
         * @return the version, or empty when no line holds one
         */
        public Optional<Version> version() {
            return lines.stream().map(Version::find).flatMap(Optional::stream).findFirst();
        }
    }
}

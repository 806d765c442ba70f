package io.kforge.core.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An external command as an argument list, never a shell string, with its extra environment, folder and time limit.
 *
 * @param arguments the program and its arguments
 * @param environment variables added to (or replacing) the inherited environment
 * @param directory the working folder, or empty for the current one
 * @param timeout how long the command may run before its whole process tree is killed
 */
public record Command(List<String> arguments, Map<String, String> environment, Optional<Path> directory,
                      Duration timeout) {

    /** The time limit of a command that does not set one. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(2);

    /** Checks the arguments and copies the collections. */
    public Command {
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least the program name");
        }
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
    }

    /**
     * Creates a command from its program and arguments.
     *
     * @param arguments the program and its arguments
     * @return a command with no extra environment, the current folder and the default time limit
     */
    public static Command of(String... arguments) {
        return of(List.of(arguments));
    }

    /**
     * Creates a command from an argument list.
     *
     * @param arguments the program and its arguments
     * @return a command with no extra environment, the current folder and the default time limit
     */
    public static Command of(List<String> arguments) {
        return new Command(arguments, Map.of(), Optional.empty(), DEFAULT_TIMEOUT);
    }

    /**
     * Returns this command with more arguments at the end.
     *
     * @param more the arguments to append
     * @return a new command
     */
    public Command plus(List<String> more) {
        var all = new ArrayList<>(arguments);
        all.addAll(more);
        return new Command(all, environment, directory, timeout);
    }

    /**
     * Returns this command run in another folder.
     *
     * @param folder the working folder
     * @return a new command
     */
    public Command in(Path folder) {
        return new Command(arguments, environment, Optional.of(folder), timeout);
    }

    /**
     * Returns this command with more environment variables.
     *
     * @param more variables to add; they replace inherited ones of the same name
     * @return a new command
     */
    public Command withEnvironment(Map<String, String> more) {
        var all = new HashMap<>(environment);
        all.putAll(more);
        return new Command(arguments, all, directory, timeout);
    }

    /**
     * Returns this command with another time limit.
     *
     * @param limit how long it may run
     * @return a new command
     */
    public Command withTimeout(Duration limit) {
        return new Command(arguments, environment, directory, limit);
    }

    /**
     * Renders the command as a line a user can paste into a POSIX shell to repeat it by hand.
     *
     * @return the quoted command line, with its folder and environment when set
     */
    public String display() {
        var line = new StringBuilder();
        directory.ifPresent(d -> line.append("cd ").append(quote(d.toString())).append(" && "));
        environment.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> line.append(e.getKey()).append('=').append(quote(e.getValue())).append(' '));
        line.append(arguments.stream().map(Command::quote).collect(Collectors.joining(" ")));
        return line.toString();
    }

    private static String quote(String word) {
        var plain = word.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./=:,+@%".indexOf(c) >= 0);
        if (!word.isEmpty() && plain) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}

package io.kforge.kbuild;

import io.kforge.core.spi.KforgeException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole log of a build, written to a file line by line while the build's output is read: it counts warnings,
 * errors and compiled units, and keeps the first real error and the last lines.
 *
 * <p>"Real" means the cause, not its echo: a compiler, linker, rustc or modpost error comes before any
 * {@code make: *** [...] Error 1} line, which only says that a step failed.
 */
public final class BuildLog implements Consumer<String>, AutoCloseable {

    private static final int TAIL = 30;
    private static final int SAMPLES = 20;
    private static final Pattern COMPILER = Pattern.compile(
            "^(?<file>[^\\s:][^:]*?):(?:(?<line>\\d+):(?:\\d+:)?)? (?:fatal )?error: (?<message>.*)$");
    private static final Pattern LINKER = Pattern.compile("^\\S*ld(?:\\.lld|\\.bfd)?: (?:error: )?(?<message>.*)$");
    private static final Pattern RUSTC = Pattern.compile("^error(?:\\[E\\d+])?: (?<message>.*)$");
    private static final Pattern RUST_PLACE = Pattern.compile("^\\s*--> (?<file>[^:]+):(?<line>\\d+):\\d+$");
    private static final Pattern MODPOST = Pattern.compile("^ERROR: (?<message>.*)$");
    private static final Pattern MAKE = Pattern.compile("^make(?:\\[\\d+])?: \\*\\*\\* (?<message>.*)$");
    private static final Pattern ECHO = Pattern.compile(".*\\] Error \\d+$|^Waiting for unfinished jobs.*");
    private static final Pattern WARNING = Pattern.compile("(?i).*\\bwarning: .*");
    private static final Pattern UNIT = Pattern.compile("^ {2}(?:CC|AS|RUSTC(?: [LPM])?)(?: \\[M])?\\s+\\S+\\.o$");

    private final Path file;
    private final BufferedWriter writer;
    private final ArrayDeque<String> tail = new ArrayDeque<>();
    private final List<String> warningSamples = new ArrayList<>();
    private final Consumer<Integer> onUnit;
    private int warnings;
    private int errors;
    private int units;
    private BuildError firstError;
    private BuildError firstMakeError;
    private String pendingRustError;

    /**
     * Opens a log file, appending when it exists.
     *
     * @param file the log file
     * @param onUnit called with the number of units compiled so far, after each one
     * @throws KforgeException when the file cannot be written
     */
    public BuildLog(Path file, Consumer<Integer> onUnit) {
        this.file = file;
        this.onUnit = onUnit;
        try {
            this.writer = Files.newBufferedWriter(file, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new KforgeException("cannot write the build log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void accept(String line) {
        write(line);
        if (tail.size() == TAIL) {
            tail.removeFirst();
        }
        tail.addLast(line);
        scan(line);
    }

    /**
     * Writes a line of kforge's own into the log (the commands it runs), without scanning it.
     *
     * @param line the line
     */
    public synchronized void note(String line) {
        write(line);
    }

    private void scan(String line) {
        if (pendingRustError != null) {
            var place = RUST_PLACE.matcher(line);
            if (place.matches() && firstError != null && firstError.text().equals(pendingRustError)
                    && firstError.file().isEmpty()) {
                firstError = new BuildError(Optional.of(place.group("file")), Integer.parseInt(place.group("line")),
                        firstError.message(), firstError.text());
            }
            pendingRustError = null;
        }
        if (UNIT.matcher(line).matches()) {
            units++;
            onUnit.accept(units);
            return;
        }
        var error = error(line);
        if (error.isPresent()) {
            errors++;
            if (firstError == null) {
                firstError = error.get();
            }
            return;
        }
        var make = MAKE.matcher(line);
        if (make.matches() && !ECHO.matcher(line).matches() && firstMakeError == null) {
            firstMakeError = new BuildError(Optional.empty(), 0, make.group("message"), line.strip());
            return;
        }
        if (WARNING.matcher(line).matches()) {
            warnings++;
            if (warningSamples.size() < SAMPLES) {
                warningSamples.add(line.strip());
            }
        }
    }

    private Optional<BuildError> error(String line) {
        var compiler = COMPILER.matcher(line);
        if (compiler.matches()) {
            var file = compiler.group("file");
            var program = !file.contains("/") && !file.contains(".");
            var number = compiler.group("line") == null ? 0 : Integer.parseInt(compiler.group("line"));
            return Optional.of(new BuildError(program ? Optional.empty() : Optional.of(file), number,
                    program ? line.strip() : message(compiler), line.strip()));
        }
        var rustc = RUSTC.matcher(line);
        if (rustc.matches()) {
            pendingRustError = line.strip();
            return Optional.of(new BuildError(Optional.empty(), 0, message(rustc), line.strip()));
        }
        var linker = LINKER.matcher(line);
        if (linker.matches() && (line.contains("error:") || line.contains("undefined reference")
                || line.contains("undefined symbol"))) {
            return Optional.of(new BuildError(Optional.empty(), 0, line.strip(), line.strip()));
        }
        if (line.contains("undefined reference to")) {
            return Optional.of(new BuildError(Optional.empty(), 0, line.strip(), line.strip()));
        }
        var modpost = MODPOST.matcher(line);
        if (modpost.matches()) {
            return Optional.of(new BuildError(Optional.empty(), 0, message(modpost), line.strip()));
        }
        return Optional.empty();
    }

    private static String message(Matcher matcher) {
        return matcher.group("message").strip();
    }

    private void write(String line) {
        try {
            writer.write(line);
            writer.write('\n');
        } catch (IOException e) {
            throw new KforgeException("cannot write the build log " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the log file.
     *
     * @return the file
     */
    public Path file() {
        return file;
    }

    /**
     * Returns how many warnings the log holds so far.
     *
     * @return the warning count
     */
    public synchronized int warnings() {
        return warnings;
    }

    /**
     * Returns the first warnings, for the build metadata.
     *
     * @return up to 20 warning lines
     */
    public synchronized List<String> warningSamples() {
        return List.copyOf(warningSamples);
    }

    /**
     * Returns how many error lines the log holds; a failure that names no error counts as one.
     *
     * @return the error count
     */
    public synchronized int errors() {
        return errors == 0 && firstMakeError != null ? 1 : errors;
    }

    /**
     * Returns how many units (C, assembly and Rust objects) were compiled.
     *
     * @return the unit count
     */
    public synchronized int units() {
        return units;
    }

    /**
     * Returns the first real error: a compiler, linker, rustc or modpost error, else {@code make}'s own message.
     *
     * @return the error, or empty when the log has none
     */
    public synchronized Optional<BuildError> firstError() {
        return Optional.ofNullable(firstError).or(() -> Optional.ofNullable(firstMakeError));
    }

    /**
     * Returns the last lines of the log.
     *
     * @return up to 30 lines
     */
    public synchronized List<String> tail() {
        return List.copyOf(tail);
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new KforgeException("cannot write the build log " + file + ": " + e.getMessage(), e);
        }
    }
}

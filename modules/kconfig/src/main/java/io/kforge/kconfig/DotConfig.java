package io.kforge.kconfig;

import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.Place;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code .config} file or fragment: symbol assignments in file order, where {@code # CONFIG_X is not set} and
 * {@code CONFIG_X=n} mean the same. Comments and blank lines are skipped; any other line is an error naming the
 * file and line.
 */
public final class DotConfig {

    private static final Pattern ASSIGNMENT = Pattern.compile("CONFIG_([A-Za-z0-9_]+)=(.*)");
    private static final Pattern NOT_SET = Pattern.compile("# CONFIG_([A-Za-z0-9_]+) is not set");
    private static final Pattern VALUE = Pattern.compile("[ymn]|-?[0-9]+|(0[xX])?[0-9a-fA-F]+"
            + "|\"([^\"\\\\]|\\\\.)*\"");

    private final Map<String, ConfigLine> lines;
    private final List<ConfigLine> assignments;

    private DotConfig(List<ConfigLine> assignments) {
        this.assignments = List.copyOf(assignments);
        var last = new LinkedHashMap<String, ConfigLine>();
        assignments.forEach(line -> last.put(line.symbol(), line));
        this.lines = last;
    }

    /**
     * Reads a {@code .config} file or fragment.
     *
     * @param file the file
     * @return its assignments
     * @throws InvalidInputException naming file and line for a line that is neither an assignment nor a comment
     */
    public static DotConfig read(Path file) {
        List<String> text;
        try {
            text = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such file");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(file, text);
    }

    /**
     * Parses the lines of a {@code .config} file or fragment.
     *
     * @param file the file the lines come from, for messages
     * @param text the lines
     * @return the assignments
     * @throws InvalidInputException naming file and line for a malformed line
     */
    public static DotConfig parse(Path file, List<String> text) {
        var assignments = new ArrayList<ConfigLine>();
        for (int i = 0; i < text.size(); i++) {
            var line = text.get(i).strip();
            var place = new Place(file, i + 1);
            var notSet = NOT_SET.matcher(line);
            var assignment = ASSIGNMENT.matcher(line);
            if (notSet.matches()) {
                assignments.add(new ConfigLine(notSet.group(1), "n", place));
            } else if (assignment.matches()) {
                var value = assignment.group(2).strip();
                if (!VALUE.matcher(value).matches()) {
                    throw new InvalidInputException(place + ": CONFIG_" + assignment.group(1) + " has the value '"
                            + value + "', which is not y, m, n, a number or a double-quoted string");
                }
                assignments.add(new ConfigLine(assignment.group(1), value, place));
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                throw new InvalidInputException(place + ": not a config line (expected CONFIG_NAME=value or"
                        + " '# CONFIG_NAME is not set'): " + line);
            }
        }
        return new DotConfig(assignments);
    }

    /**
     * Returns every assignment in file order, repeated symbols included.
     *
     * @return the assignments
     */
    public List<ConfigLine> assignments() {
        return assignments;
    }

    /**
     * Returns the last assignment of each symbol, in order of first appearance.
     *
     * @return the effective assignments
     */
    public Collection<ConfigLine> effective() {
        return lines.values();
    }

    /**
     * Returns a symbol's value; a symbol that is absent or not set reads as empty, as the kernel treats both.
     *
     * @param symbol the symbol without {@code CONFIG_}
     * @return {@code y}, {@code m}, a number or a quoted string; empty when unset, {@code n} or absent
     */
    public Optional<String> value(String symbol) {
        return Optional.ofNullable(lines.get(symbol)).map(ConfigLine::value).filter(v -> !v.equals("n"));
    }

    /**
     * Returns the last assignment of a symbol.
     *
     * @param symbol the symbol without {@code CONFIG_}
     * @return the line, empty when the symbol is not assigned
     */
    public Optional<ConfigLine> line(String symbol) {
        return Optional.ofNullable(lines.get(symbol));
    }

    /**
     * Returns a copy of this configuration with the given assignments applied (a later one wins), laid out as
     * {@code merge_config.sh} writes it: this configuration's lines for the symbols not overridden, in order, then
     * the overrides in their own order. The order matters for choices: the member read last as {@code y} wins.
     *
     * @param overrides the assignments to apply
     * @return the merged configuration
     */
    public DotConfig with(Collection<ConfigLine> overrides) {
        var last = new LinkedHashMap<String, ConfigLine>();
        overrides.forEach(line -> {
            last.remove(line.symbol());
            last.put(line.symbol(), line);
        });
        var all = new ArrayList<ConfigLine>();
        effective().stream().filter(line -> !last.containsKey(line.symbol())).forEach(all::add);
        all.addAll(last.values());
        return new DotConfig(all);
    }

    /**
     * Writes the effective assignments as a {@code .config} file, atomically.
     *
     * @param file the file to write
     */
    public void write(Path file) {
        var text = new StringBuilder();
        effective().forEach(line -> text.append(line.render()).append('\n'));
        try {
            var temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".config", ".tmp");
            Files.writeString(temporary, text);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new KforgeException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

package io.kforge.launcher.qemu;

import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.Place;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The values a kernel {@code .config} sets, read line by line for the boot preflight.
 *
 * <p>Only {@code CONFIG_X=value} and {@code # CONFIG_X is not set} lines count; an option that is absent reads as
 * not set, exactly as Kconfig treats it.
 *
 * @param file the file read
 * @param values option name without the {@code CONFIG_} prefix to its value ({@code y}, {@code m}, {@code n}, or
 *               the text after {@code =})
 * @param lines option name to the line that sets it
 */
record KernelConfig(Path file, Map<String, String> values, Map<String, Integer> lines) {

    private static final Pattern SET = Pattern.compile("CONFIG_([A-Za-z0-9_]+)=(.*)");
    private static final Pattern NOT_SET = Pattern.compile("# CONFIG_([A-Za-z0-9_]+) is not set");

    /** Copies the maps. */
    KernelConfig {
        values = Map.copyOf(values);
        lines = Map.copyOf(lines);
    }

    /**
     * Reads a {@code .config} file.
     *
     * @param file the file
     * @return its values
     * @throws InvalidInputException when the file cannot be read
     */
    static KernelConfig read(Path file) {
        var values = new HashMap<String, String>();
        var lines = new HashMap<String, Integer>();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                var set = SET.matcher(line.strip());
                var notSet = NOT_SET.matcher(line.strip());
                if (set.matches()) {
                    values.put(set.group(1), set.group(2));
                    lines.put(set.group(1), number);
                } else if (notSet.matches()) {
                    values.put(notSet.group(1), "n");
                    lines.put(notSet.group(1), number);
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the kernel config " + file + ": " + e.getMessage(), e);
        }
        return new KernelConfig(file, values, lines);
    }

    /**
     * Returns an option's value.
     *
     * @param option the name without {@code CONFIG_}
     * @return {@code y}, {@code m}, {@code n} (also when absent) or the option's text
     */
    String value(String option) {
        return values.getOrDefault(option, "n");
    }

    /**
     * Returns where an option is set or said to be not set.
     *
     * @param option the name without {@code CONFIG_}
     * @return the file and line, or empty when the file does not mention the option
     */
    Optional<Place> place(String option) {
        return Optional.ofNullable(lines.get(option)).map(line -> new Place(file, line));
    }
}

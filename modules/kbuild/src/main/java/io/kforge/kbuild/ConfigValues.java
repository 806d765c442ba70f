package io.kforge.kbuild;

import io.kforge.core.spi.KforgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The values of a {@code .config} or fragment, a later line winning over an earlier one, as {@code make} reads them.
 */
public final class ConfigValues {

    private static final Pattern SET = Pattern.compile("^CONFIG_(\\w+)=(.*)$");
    private static final Pattern UNSET = Pattern.compile("^# CONFIG_(\\w+) is not set$");

    private final Map<String, String> values;

    private ConfigValues(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * Reads a configuration file.
     *
     * @param file a {@code .config} or fragment
     * @return its values
     * @throws KforgeException when it cannot be read
     */
    public static ConfigValues read(Path file) {
        try {
            var values = new HashMap<String, String>();
            for (var line : Files.readAllLines(file)) {
                var set = SET.matcher(line.strip());
                var unset = UNSET.matcher(line.strip());
                if (set.matches()) {
                    values.put(set.group(1), set.group(2));
                } else if (unset.matches()) {
                    values.put(unset.group(1), "n");
                }
            }
            return new ConfigValues(values);
        } catch (IOException e) {
            throw new KforgeException("cannot read the configuration " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns no values, for a check without a configuration.
     *
     * @return an empty configuration
     */
    public static ConfigValues none() {
        return new ConfigValues(Map.of());
    }

    /**
     * Returns a symbol's value.
     *
     * @param symbol the symbol without {@code CONFIG_}
     * @return its value ({@code y}, {@code m}, {@code n}, a number or a quoted string), or empty when not set
     */
    public Optional<String> value(String symbol) {
        return Optional.ofNullable(values.get(symbol));
    }

    /**
     * Tells whether a symbol is on, built in or as a module.
     *
     * @param symbol the symbol without {@code CONFIG_}
     * @return true for {@code y} and {@code m}
     */
    public boolean on(String symbol) {
        return value(symbol).filter(v -> v.equals("y") || v.equals("m")).isPresent();
    }
}

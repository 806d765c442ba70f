package io.kforge.kconfig;

import java.util.Optional;

/**
 * The three values of Kconfig logic, ordered {@code n < m < y}: {@code &&} takes the lower, {@code ||} the higher,
 * and {@code !} mirrors ({@code !m} is {@code m}).
 */
public enum Tristate {
    /** Off. */
    N,
    /** Built as a module. */
    M,
    /** Built in. */
    Y;

    /**
     * Reads a value as {@code .config} files and Kconfig expressions write it.
     *
     * @param text {@code y}, {@code m} or {@code n}
     * @return the value, or empty for anything else
     */
    public static Optional<Tristate> parse(String text) {
        return switch (text) {
            case "y" -> Optional.of(Y);
            case "m" -> Optional.of(M);
            case "n" -> Optional.of(N);
            default -> Optional.empty();
        };
    }

    /**
     * Combines two values with {@code &&}.
     *
     * @param other the other value
     * @return the lower of the two
     */
    public Tristate and(Tristate other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /**
     * Combines two values with {@code ||}.
     *
     * @param other the other value
     * @return the higher of the two
     */
    public Tristate or(Tristate other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /**
     * Negates the value.
     *
     * @return {@code n} for {@code y}, {@code y} for {@code n}, {@code m} for {@code m}
     */
    public Tristate not() {
        return values()[2 - ordinal()];
    }

    /**
     * Returns the value as {@code .config} writes it.
     *
     * @return {@code y}, {@code m} or {@code n}
     */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

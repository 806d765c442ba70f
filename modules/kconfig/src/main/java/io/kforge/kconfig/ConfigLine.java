package io.kforge.kconfig;

import io.kforge.core.spi.Place;

/**
 * One symbol assignment read from a {@code .config} file or fragment.
 *
 * @param symbol the symbol without {@code CONFIG_}
 * @param value {@code y}, {@code m}, {@code n} (also for {@code # CONFIG_X is not set}), a number, or a string
 *              with its double quotes
 * @param place the file and line it was read from
 */
public record ConfigLine(String symbol, String value, Place place) {

    /**
     * Tells whether this line turns the symbol off.
     *
     * @return true for {@code n}
     */
    public boolean disables() {
        return value.equals("n");
    }

    /**
     * Renders the line as {@code .config} writes it.
     *
     * @return {@code CONFIG_X=v}, or {@code # CONFIG_X is not set} for {@code n}
     */
    public String render() {
        return disables() ? "# CONFIG_" + symbol + " is not set" : "CONFIG_" + symbol + "=" + value;
    }
}

package io.kforge.core.spi;

/**
 * The same symbol set twice by the fragments, with the value that won (the later one).
 *
 * @param symbol the symbol without {@code CONFIG_}
 * @param first where it was set first, and to what
 * @param firstValue the value set first
 * @param second where it was set again
 * @param secondValue the value set again, which wins
 */
public record ConfigConflict(String symbol, Place first, String firstValue, Place second, String secondValue) {
}

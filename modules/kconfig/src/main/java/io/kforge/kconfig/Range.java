package io.kforge.kconfig;

import io.kforge.core.spi.Place;

/**
 * A {@code range} line of an {@code int} or {@code hex} entry.
 *
 * @param low the lowest value allowed (a number or a symbol)
 * @param high the highest value allowed (a number or a symbol)
 * @param condition when the range applies
 * @param place the file and line in the tree
 */
public record Range(Expr low, Expr high, Expr condition, Place place) {
}

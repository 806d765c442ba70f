package io.kforge.kconfig;

import io.kforge.core.spi.Place;

/**
 * A {@code default}, {@code select} or {@code imply} line of an entry.
 *
 * @param value the default's value, or the selected or implied symbol
 * @param condition when the line applies: the entry's dependencies and the line's own {@code if}, with {@code m}
 *                  read as {@code m && MODULES} as the kernel does; for a select or imply, the selecting symbol's
 *                  own value comes on top
 * @param place the file and line in the tree
 */
public record Property(Expr value, Expr condition, Place place) {
}

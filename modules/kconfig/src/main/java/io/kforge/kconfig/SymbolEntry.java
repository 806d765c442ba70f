package io.kforge.kconfig;

import io.kforge.core.spi.Place;
import java.util.List;
import java.util.Optional;

/**
 * One {@code config} or {@code menuconfig} block defining a symbol; a symbol may have several.
 *
 * @param place where the block starts in the tree
 * @param prompt the prompt text, empty when the entry has none (then only selects and defaults set the symbol)
 * @param visibility when the prompt is shown: its {@code if}, the entry's dependencies and the enclosing menus'
 *                   {@code visible if}; {@code n} without a prompt
 * @param dependsOn the entry's own {@code depends on} lines joined with {@code &&}
 * @param dependency the whole dependency: the enclosing {@code menu}, {@code if} and {@code choice} conditions and
 *                   the entry's own
 * @param defaults the {@code default}, {@code def_bool} and {@code def_tristate} lines, in order
 * @param selects the {@code select} lines (the symbols this entry forces on)
 * @param implies the {@code imply} lines
 * @param ranges the {@code range} lines
 * @param choice where the enclosing {@code choice} starts, when the entry is a choice member
 * @param help the help text, empty when there is none
 * @param transitional true when the entry is marked {@code transitional} (an old name kept to carry a value over)
 */
public record SymbolEntry(Place place, Optional<String> prompt, Expr visibility, Expr dependsOn, Expr dependency,
                          List<Property> defaults, List<Property> selects, List<Property> implies, List<Range> ranges,
                          Optional<Place> choice, Optional<String> help, boolean transitional) {

    /** Copies the lists. */
    public SymbolEntry {
        defaults = List.copyOf(defaults);
        selects = List.copyOf(selects);
        implies = List.copyOf(implies);
        ranges = List.copyOf(ranges);
    }
}

package io.kforge.kconfig;

import io.kforge.core.spi.Place;

/**
 * A {@code select} or {@code imply} seen from the symbol it targets.
 *
 * @param by the symbol whose entry has the line
 * @param condition the line's condition without {@code by} itself (the entry's dependencies and the {@code if})
 * @param place where the line is
 */
public record Reverse(String by, Expr condition, Place place) {

    /**
     * Returns the whole condition under which the line forces its target: {@code by && condition}.
     *
     * @return the expression
     */
    public Expr expression() {
        return Expr.and(new Expr.Symbol(by), condition);
    }
}

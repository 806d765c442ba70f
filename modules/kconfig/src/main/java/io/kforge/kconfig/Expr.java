package io.kforge.kconfig;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Kconfig expression as written after {@code depends on}, {@code if}, {@code default} or {@code select ... if}:
 * symbols, quoted constants, comparisons, {@code !}, {@code &&} and {@code ||}.
 */
public sealed interface Expr {

    /** The expression that is always {@code y}: what an absent condition means. */
    Expr YES = new Symbol("y");

    /**
     * A symbol name as written without quotes; names that no {@code config} defines (numbers, {@code y},
     * {@code m}, {@code n}) stand for themselves.
     *
     * @param name the name
     */
    record Symbol(String name) implements Expr {
    }

    /**
     * A double- or single-quoted constant.
     *
     * @param text the text between the quotes
     */
    record Constant(String text) implements Expr {
    }

    /**
     * A Kconfig macro such as {@code $(cc-option,-mfoo)} whose value only the tree's own tools can compute.
     *
     * @param source the macro as written in the Kconfig file
     */
    record Macro(String source) implements Expr {
    }

    /**
     * {@code !operand}.
     *
     * @param operand the negated expression
     */
    record Not(Expr operand) implements Expr {
    }

    /**
     * {@code left && right}.
     *
     * @param left the left side
     * @param right the right side
     */
    record And(Expr left, Expr right) implements Expr {
    }

    /**
     * {@code left || right}.
     *
     * @param left the left side
     * @param right the right side
     */
    record Or(Expr left, Expr right) implements Expr {
    }

    /**
     * A comparison of two atoms ({@code FOO = y}, {@code RUSTC_VERSION >= 108100}).
     *
     * @param operator the comparison operator as written
     * @param left the left atom
     * @param right the right atom
     */
    record Compare(String operator, Expr left, Expr right) implements Expr {
    }

    /**
     * Joins two conditions with {@code &&}, leaving out a side that is always {@code y} and terms the left side
     * already has, as the kernel does when it combines a block's conditions.
     *
     * @param left the first condition
     * @param right the second condition
     * @return the conjunction
     */
    static Expr and(Expr left, Expr right) {
        if (left.equals(YES)) {
            return right;
        }
        if (right.equals(YES)) {
            return left;
        }
        var present = left.conjuncts();
        var result = left;
        for (var term : right.conjuncts()) {
            if (!present.contains(term)) {
                result = new And(result, term);
                present.add(term);
            }
        }
        return result;
    }

    /**
     * Joins two conditions with {@code ||}; either side being always {@code y} makes the whole always {@code y}.
     *
     * @param left the first condition
     * @param right the second condition
     * @return the disjunction
     */
    static Expr or(Expr left, Expr right) {
        return left.equals(YES) || right.equals(YES) ? YES : new Or(left, right);
    }

    /**
     * Returns the terms joined by the top-level {@code &&}s, in order.
     *
     * @return the conjuncts; the expression itself when it is not a conjunction
     */
    default List<Expr> conjuncts() {
        var terms = new ArrayList<Expr>();
        collectConjuncts(this, terms);
        return terms;
    }

    /**
     * Returns the names of the symbols the expression reads, in order of appearance.
     *
     * @return the symbol names, without {@code y}, {@code m}, {@code n}
     */
    default Set<String> symbols() {
        var names = new LinkedHashSet<String>();
        collectSymbols(this, names);
        return names;
    }

    /**
     * Writes the expression as Kconfig would, with parentheses only where precedence needs them.
     *
     * @return the text
     */
    default String render() {
        return ExprText.render(this, name -> "");
    }

    private static void collectConjuncts(Expr expr, List<Expr> terms) {
        if (expr instanceof And(var left, var right)) {
            collectConjuncts(left, terms);
            collectConjuncts(right, terms);
        } else {
            terms.add(expr);
        }
    }

    private static void collectSymbols(Expr expr, Set<String> names) {
        switch (expr) {
            case Symbol(var name) when !name.equals("y") && !name.equals("m") && !name.equals("n") -> names.add(name);
            case Symbol ignored -> { }
            case Constant ignored -> { }
            case Macro ignored -> { }
            case Not(var operand) -> collectSymbols(operand, names);
            case And(var left, var right) -> {
                collectSymbols(left, names);
                collectSymbols(right, names);
            }
            case Or(var left, var right) -> {
                collectSymbols(left, names);
                collectSymbols(right, names);
            }
            case Compare(var operator, var left, var right) -> {
                collectSymbols(left, names);
                collectSymbols(right, names);
            }
        }
    }
}

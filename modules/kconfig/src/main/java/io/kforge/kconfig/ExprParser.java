package io.kforge.kconfig;

import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.Place;
import java.util.List;
import java.util.Set;

/**
 * Parses the tokens of a Kconfig expression with the kernel's precedence: {@code ||} below {@code &&} below the
 * comparisons, and {@code !} binding tightest.
 */
final class ExprParser {

    private static final Set<String> COMPARISONS = Set.of("=", "!=", "<", "<=", ">", ">=");

    private final List<Token> tokens;
    private final Place place;
    private int next;

    private ExprParser(List<Token> tokens, Place place) {
        this.tokens = tokens;
        this.place = place;
    }

    /**
     * Parses an expression that must use every token given.
     *
     * @param tokens the expression's tokens
     * @param place where it was read, for messages
     * @return the expression
     * @throws InvalidInputException naming the place when the tokens are not an expression
     */
    static Expr parse(List<Token> tokens, Place place) {
        var parser = new ExprParser(tokens, place);
        var expr = parser.or();
        if (parser.next < tokens.size()) {
            throw parser.error("unexpected '" + tokens.get(parser.next).text() + "'");
        }
        return expr;
    }

    private Expr or() {
        var left = and();
        while (accept("||")) {
            left = new Expr.Or(left, and());
        }
        return left;
    }

    private Expr and() {
        var left = unary();
        while (accept("&&")) {
            left = new Expr.And(left, unary());
        }
        return left;
    }

    private Expr unary() {
        if (accept("!")) {
            return new Expr.Not(unary());
        }
        if (accept("(")) {
            var inner = or();
            if (!accept(")")) {
                throw error("missing ')'");
            }
            return inner;
        }
        var left = atom();
        if (next < tokens.size() && tokens.get(next).kind() == Token.Kind.OPERATOR
                && COMPARISONS.contains(tokens.get(next).text())) {
            var operator = tokens.get(next++).text();
            return new Expr.Compare(operator, left, atom());
        }
        return left;
    }

    private Expr atom() {
        if (next >= tokens.size()) {
            throw error("expression ends too early");
        }
        var token = tokens.get(next++);
        return switch (token.kind()) {
            case WORD -> new Expr.Symbol(token.text());
            case MACRO -> new Expr.Macro(token.text());
            case STRING -> token.text().length() == 1 && "ymn".contains(token.text())
                    ? new Expr.Symbol(token.text()) : new Expr.Constant(token.text());
            case OPERATOR -> throw error("expected a symbol, found '" + token.text() + "'");
        };
    }

    private boolean accept(String operator) {
        if (next < tokens.size() && tokens.get(next).kind() == Token.Kind.OPERATOR
                && tokens.get(next).text().equals(operator)) {
            next++;
            return true;
        }
        return false;
    }

    private InvalidInputException error(String problem) {
        return new InvalidInputException(place + ": " + problem + " in expression");
    }
}

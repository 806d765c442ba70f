package io.kforge.kconfig;

import java.util.function.Function;

/**
 * Writes expressions back as Kconfig text, optionally annotating each symbol with its value the way
 * {@code menuconfig}'s help does ({@code NETFILTER_ADVANCED [=n]}).
 */
final class ExprText {

    private ExprText() {
    }

    /**
     * Renders an expression.
     *
     * @param expr the expression
     * @param annotation for a symbol name, the text to put after it (empty for none)
     * @return the text
     */
    static String render(Expr expr, Function<String, String> annotation) {
        var text = new StringBuilder();
        write(expr, annotation, text, 0);
        return text.toString();
    }

    private static void write(Expr expr, Function<String, String> annotation, StringBuilder text, int outer) {
        var own = precedence(expr);
        if (own < outer) {
            text.append('(');
        }
        switch (expr) {
            case Expr.Symbol(var name) -> text.append(name).append(annotation.apply(name));
            case Expr.Constant(var value) -> text.append('"').append(value.replace("\"", "\\\"")).append('"');
            case Expr.Macro(var source) -> text.append(source).append(annotation.apply(source));
            case Expr.Not(var operand) -> {
                text.append('!');
                write(operand, annotation, text, own);
            }
            case Expr.And(var left, var right) -> {
                write(left, annotation, text, own);
                text.append(" && ");
                write(right, annotation, text, own);
            }
            case Expr.Or(var left, var right) -> {
                write(left, annotation, text, own);
                text.append(" || ");
                write(right, annotation, text, own);
            }
            case Expr.Compare(var operator, var left, var right) -> {
                write(left, annotation, text, own + 1);
                text.append(' ').append(operator).append(' ');
                write(right, annotation, text, own + 1);
            }
        }
        if (own < outer) {
            text.append(')');
        }
    }

    private static int precedence(Expr expr) {
        return switch (expr) {
            case Expr.Or ignored -> 1;
            case Expr.And ignored -> 2;
            case Expr.Compare ignored -> 3;
            case Expr.Not ignored -> 4;
            default -> 5;
        };
    }
}

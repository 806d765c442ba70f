package io.kforge.kconfig;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Evaluates {@code =}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=} the way the kernel does: numerically
 * when both sides read as numbers for their types, as strings otherwise.
 */
final class Comparison {

    private Comparison() {
    }

    /**
     * Evaluates a comparison.
     *
     * @param compare the comparison
     * @param evaluation the values of the symbols
     * @return {@code y} or {@code n}; {@code y} when a side is a macro, whose value is unknown here
     */
    static Tristate evaluate(Expr.Compare compare, Evaluation evaluation) {
        var left = evaluation.textOf(compare.left());
        var right = evaluation.textOf(compare.right());
        if (left.isEmpty() || right.isEmpty()) {
            return Tristate.Y;
        }
        var leftType = evaluation.typeOf(compare.left());
        var rightType = evaluation.typeOf(compare.right());
        int order;
        if (leftType == SymbolType.STRING && rightType == SymbolType.STRING) {
            order = left.get().compareTo(right.get());
        } else {
            var leftNumber = number(left.get(), leftType);
            var rightNumber = number(right.get(), rightType);
            order = leftNumber.isPresent() && rightNumber.isPresent()
                    ? leftNumber.get().compareTo(rightNumber.get()) : left.get().compareTo(right.get());
        }
        var holds = switch (compare.operator()) {
            case "=" -> order == 0;
            case "!=" -> order != 0;
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
        };
        return holds ? Tristate.Y : Tristate.N;
    }

    private static Optional<BigInteger> number(String text, SymbolType type) {
        try {
            return switch (type) {
                case BOOL, TRISTATE -> Tristate.parse(text).map(t -> BigInteger.valueOf(t.ordinal()))
                        .or(() -> Optional.of(BigInteger.valueOf(-1)));
                case INT -> Optional.of(new BigInteger(text, 10));
                case HEX -> Optional.of(new BigInteger(text.replaceFirst("^0[xX]", ""), 16));
                default -> Optional.of(text.matches("-?0[xX][0-9a-fA-F]+")
                        ? new BigInteger(text.replaceFirst("0[xX]", ""), 16)
                        : new BigInteger(text, text.length() > 1 && text.startsWith("0") ? 8 : 10));
            };
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

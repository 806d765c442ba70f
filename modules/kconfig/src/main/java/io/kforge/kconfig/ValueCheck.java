package io.kforge.kconfig;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Checks that a requested value is one a symbol can take: {@code y}/{@code n} for a bool, {@code y}/{@code m}/
 * {@code n} for a tristate, a number within the active {@code range} for an int or hex, a quoted string for a
 * string.
 */
final class ValueCheck {

    private ValueCheck() {
    }

    /**
     * Returns what is wrong with a value.
     *
     * @param symbol the symbol
     * @param value the requested value
     * @param evaluation the values of the symbols a range refers to
     * @return one sentence, empty when the value is valid
     */
    static Optional<String> problem(KconfigSymbol symbol, String value, Evaluation evaluation) {
        var name = "CONFIG_" + symbol.name();
        if (value.equals("n") && !symbol.type().isTristateLike()) {
            return Optional.empty();
        }
        return switch (symbol.type()) {
            case BOOL -> value.equals("y") || value.equals("n") ? Optional.empty()
                    : Optional.of(name + " is a bool: it takes y or n, not " + value);
            case TRISTATE -> Tristate.parse(value).isPresent() ? Optional.empty()
                    : Optional.of(name + " is a tristate: it takes y, m or n, not " + value);
            case STRING -> value.startsWith("\"") ? Optional.empty()
                    : Optional.of(name + " is a string: its value must be double-quoted, not " + value);
            case INT, HEX -> number(symbol, value, evaluation);
            case UNKNOWN -> Optional.empty();
        };
    }

    private static Optional<String> number(KconfigSymbol symbol, String value, Evaluation evaluation) {
        var name = "CONFIG_" + symbol.name();
        var parsed = parse(value, symbol.type());
        if (parsed.isEmpty()) {
            return Optional.of(name + " is " + (symbol.type() == SymbolType.INT ? "an int: " + value
                    + " is not a decimal number" : "a hex: " + value + " is not a hexadecimal number"));
        }
        for (var entry : symbol.entries()) {
            for (var range : entry.ranges()) {
                if (evaluation.condition(range.condition()) == Tristate.N) {
                    continue;
                }
                var low = bound(range.low(), symbol.type(), evaluation);
                var high = bound(range.high(), symbol.type(), evaluation);
                if (low.isPresent() && high.isPresent()
                        && (parsed.get().compareTo(low.get()) < 0 || parsed.get().compareTo(high.get()) > 0)) {
                    return Optional.of(name + "=" + value + " is out of its range " + range.low().render() + ".."
                            + range.high().render() + " (" + range.place() + ")");
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<BigInteger> bound(Expr bound, SymbolType type, Evaluation evaluation) {
        return evaluation.textOf(bound).flatMap(text -> parse(text, type));
    }

    private static Optional<BigInteger> parse(String value, SymbolType type) {
        try {
            if (type == SymbolType.HEX) {
                return Optional.of(new BigInteger(value.replaceFirst("^0[xX]", ""), 16));
            }
            return Optional.of(new BigInteger(value, 10));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

package io.kforge.config.kconfig;

import io.kforge.kconfig.ConfigLine;
import io.kforge.kconfig.DotConfig;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Decides whether a requested value took effect: an {@code n} is met by an unset or absent symbol, numbers compare
 * by value ({@code 0x10} and {@code 0X10} are one), anything else must be equal.
 */
final class Requests {

    private Requests() {
    }

    /**
     * Tells whether a request holds in a configuration.
     *
     * @param wanted the requested line
     * @param result the final configuration
     * @return true when the final value is the one asked
     */
    static boolean satisfied(ConfigLine wanted, DotConfig result) {
        var actual = result.value(wanted.symbol());
        if (wanted.disables()) {
            return actual.isEmpty();
        }
        return actual.filter(value -> same(wanted.value(), value)).isPresent();
    }

    private static boolean same(String wanted, String actual) {
        if (wanted.equals(actual)) {
            return true;
        }
        var left = number(wanted);
        var right = number(actual);
        return left.isPresent() && left.equals(right);
    }

    private static Optional<BigInteger> number(String value) {
        try {
            if (value.matches("0[xX][0-9a-fA-F]+")) {
                return Optional.of(new BigInteger(value.substring(2), 16));
            }
            return value.matches("-?[0-9]+") ? Optional.of(new BigInteger(value)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

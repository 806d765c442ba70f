package io.kforge.sysctl;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks between values that the kernel would accept but that do not do what their author meant.
 *
 * <p>{@code net.ipv4.tcp_rmem} and {@code tcp_wmem} take three numbers, min, default and max, and need
 * min &lt;= default &lt;= max (the kernel accepts other orders and fewer fields without a word). Their max may
 * exceed {@code net.core.rmem_max} / {@code wmem_max}, but then only the kernel's auto-tuning reaches it: a program
 * that sets {@code SO_RCVBUF} or {@code SO_SNDBUF} stays capped at the {@code core} limit; that is a warning.
 */
public final class ValueChecks {

    private static final Map<String, String> CORE_LIMIT = Map.of(
            "net.ipv4.tcp_rmem", "net.core.rmem_max",
            "net.ipv4.tcp_wmem", "net.core.wmem_max");

    private ValueChecks() {
    }

    /**
     * Checks one value on its own.
     *
     * @param key the key in dotted form
     * @param value the wanted value
     * @return what is wrong with it, or empty when nothing is
     */
    public static Optional<String> problem(String key, String value) {
        if (!CORE_LIMIT.containsKey(key)) {
            return Optional.empty();
        }
        var numbers = SysctlValues.numbers(value);
        if (numbers.isEmpty() || numbers.get().size() != 3) {
            return Optional.of(key + " takes three numbers, min default max, not '" + value + "'");
        }
        var n = numbers.get();
        if (n.get(0).signum() < 0 || n.get(0).compareTo(n.get(1)) > 0 || n.get(1).compareTo(n.get(2)) > 0) {
            return Optional.of(key + " = " + value + " is not ordered min <= default <= max");
        }
        return Optional.empty();
    }

    /**
     * Finds the buffer maxima above their {@code core} limit.
     *
     * @param wanted the wanted value of each key, dotted form
     * @param current reads a key's current value on the target, for limits the profiles do not set
     * @return one warning per buffer maximum above its limit
     */
    public static List<String> warnings(Map<String, String> wanted, Function<String, Optional<String>> current) {
        var warnings = new ArrayList<String>();
        CORE_LIMIT.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(pair -> {
            var buffer = Optional.ofNullable(wanted.get(pair.getKey())).flatMap(SysctlValues::numbers);
            var limitValue = Optional.ofNullable(wanted.get(pair.getValue())).or(() -> current.apply(pair.getValue()));
            var limit = limitValue.flatMap(SysctlValues::numbers).map(List::getFirst);
            if (buffer.isPresent() && buffer.get().size() == 3 && limit.isPresent()
                    && buffer.get().get(2).compareTo(limit.get()) > 0) {
                warnings.add(above(pair.getKey(), buffer.get().get(2), pair.getValue(), limit.get()));
            }
        });
        return warnings;
    }

    private static String above(String key, BigInteger max, String limitKey, BigInteger limit) {
        var option = limitKey.endsWith("rmem_max") ? "SO_RCVBUF" : "SO_SNDBUF";
        return key + " max " + max + " is above " + limitKey + " " + limit + ": only TCP auto-tuning reaches it;"
                + " a program that sets " + option + " stays capped at " + limit;
    }
}

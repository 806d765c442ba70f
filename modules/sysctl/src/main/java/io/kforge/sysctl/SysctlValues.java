package io.kforge.sysctl;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Compares sysctl values the way the kernel means them: whitespace between fields does not count, and when every
 * field is a number, fields are compared as numbers ({@code 4096 87380 33554432} equals
 * {@code 4096\t87380\t33554432}).
 */
public final class SysctlValues {

    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");

    private SysctlValues() {
    }

    /**
     * Tells whether two values mean the same.
     *
     * @param left one value
     * @param right the other
     * @return true when their fields are equal, as numbers when all are numbers
     */
    public static boolean same(String left, String right) {
        var a = fields(left);
        var b = fields(right);
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            boolean numbers = INTEGER.matcher(a.get(i)).matches() && INTEGER.matcher(b.get(i)).matches();
            if (numbers ? !new BigInteger(strip(a.get(i))).equals(new BigInteger(strip(b.get(i))))
                    : !a.get(i).equals(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns a value with its fields separated by single spaces, as kforge shows and writes it.
     *
     * @param value the value as read or written
     * @return the tidy value
     */
    public static String tidy(String value) {
        return String.join(" ", fields(value));
    }

    /**
     * Reads a value made only of integers.
     *
     * @param value the value
     * @return its fields as numbers, or empty when a field is not an integer
     */
    public static Optional<List<BigInteger>> numbers(String value) {
        var fields = fields(value);
        if (fields.isEmpty() || !fields.stream().allMatch(f -> INTEGER.matcher(f).matches())) {
            return Optional.empty();
        }
        return Optional.of(fields.stream().map(f -> new BigInteger(strip(f))).toList());
    }

    /**
     * Tells why a value cannot be written as one line, if it cannot.
     *
     * @param value the value
     * @return the reason, or empty when the value holds no control character other than a tab
     */
    public static Optional<String> unwritable(String value) {
        return value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)
                ? Optional.of("the value holds a line break or another control character")
                : Optional.empty();
    }

    private static List<String> fields(String value) {
        var trimmed = value.strip();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }

    private static String strip(String number) {
        return number.startsWith("+") ? number.substring(1) : number;
    }
}

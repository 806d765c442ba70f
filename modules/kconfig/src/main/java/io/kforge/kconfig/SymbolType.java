package io.kforge.kconfig;

import java.util.Locale;

/**
 * The type a {@code config} entry gives its symbol.
 */
public enum SymbolType {
    /** {@code bool}: {@code y} or {@code n}. */
    BOOL,
    /** {@code tristate}: {@code y}, {@code m} or {@code n}. */
    TRISTATE,
    /** {@code int}: a decimal number. */
    INT,
    /** {@code hex}: a hexadecimal number. */
    HEX,
    /** {@code string}: a double-quoted string. */
    STRING,
    /** No type given, which the kernel warns about. */
    UNKNOWN;

    /**
     * Returns the keyword that declares this type.
     *
     * @return {@code bool}, {@code tristate}, {@code int}, {@code hex}, {@code string} or {@code unknown}
     */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Tells whether symbols of this type take {@code y}/{@code m}/{@code n}.
     *
     * @return true for bool and tristate
     */
    public boolean isTristateLike() {
        return this == BOOL || this == TRISTATE;
    }
}

package io.kforge.core.spi;

import java.util.List;

/**
 * Why a requested option did not take effect: one kind, and one sentence naming the symbols and values involved.
 *
 * @param kind one of {@link #KINDS}
 * @param detail one sentence naming the symbols and values involved
 */
public record DropReason(String kind, String detail) {

    /** No such symbol in this tree; the detail names its replacement when it was renamed, and the nearest names. */
    public static final String UNKNOWN_SYMBOL = "unknown-symbol";
    /** A {@code depends on} is not met; the detail gives the expression with each term's current value. */
    public static final String UNMET_DEPENDENCY = "unmet-dependency";
    /**
     * The value is not the user's to set: the symbol has no visible prompt, or a {@code select} forces it above
     * the value asked; the detail names what selects it and which default applies.
     */
    public static final String NO_PROMPT = "no-prompt";
    /** The symbol is a choice member and another member won. */
    public static final String CHOICE = "choice";
    /** {@code m} was asked while modules are disabled, so the tristate was built in. */
    public static final String MODULES_DISABLED = "modules-disabled";
    /** A value the symbol cannot take: {@code m} for a bool, a number out of {@code range}, a malformed string. */
    public static final String INVALID_VALUE = "invalid-value";

    /** Every kind, in the order a report sorts them. */
    public static final List<String> KINDS = List.of(UNKNOWN_SYMBOL, UNMET_DEPENDENCY, NO_PROMPT, CHOICE,
            MODULES_DISABLED, INVALID_VALUE);

    /** Checks the kind. */
    public DropReason {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown drop reason kind '" + kind + "' (known: " + KINDS + ")");
        }
    }
}

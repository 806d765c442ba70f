package io.kforge.kconfig;

import java.util.Optional;

/**
 * Says why a symbol whose value comes from running a tool ({@code RUST_IS_AVAILABLE}, from
 * {@code $(success,scripts/rust_is_available.sh)}) is off on this host, when the caller can find out.
 */
@FunctionalInterface
public interface ToolDiagnosis {

    /** The diagnosis that never knows more. */
    ToolDiagnosis NONE = symbol -> Optional.empty();

    /**
     * Explains why a tool-computed symbol is off.
     *
     * @param symbol the symbol without {@code CONFIG_}
     * @return the tool and version at fault, in one clause; empty when unknown
     */
    Optional<String> whyOff(String symbol);
}

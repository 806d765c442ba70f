package io.kforge.core.spi;

import java.util.List;

/**
 * The result of applying profiles: every key with its value read back.
 *
 * @param target the target's label
 * @param results one entry per key
 * @param verified true when every key reads back as wanted
 */
public record SysctlOutcome(String target, List<SysctlResult> results, boolean verified) {

    /** Copies the list. */
    public SysctlOutcome {
        results = List.copyOf(results);
    }
}

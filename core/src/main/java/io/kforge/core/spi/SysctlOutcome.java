package io.kforge.core.spi;

import java.util.List;

/**
 * The result of applying, verifying or rolling back profiles: every key with its value read back.
 *
 * @param target the target's label
 * @param results one entry per key
 * @param verified true when every key that is not optional reads back as wanted
 * @param applied true only when every key took effect: none skipped, none failed
 * @param warnings things worth knowing, such as a {@code tcp_rmem} maximum above {@code rmem_max}
 */
public record SysctlOutcome(String target, List<SysctlResult> results, boolean verified, boolean applied,
                            List<String> warnings) {

    /** Copies the lists. */
    public SysctlOutcome {
        results = List.copyOf(results);
        warnings = List.copyOf(warnings);
    }
}

package io.kforge.core.spi;

import java.util.List;

/**
 * What applying profiles to a target would do, worked out before anything is written.
 *
 * @param target the target's label
 * @param entries one entry per key, in the order the profiles name them (globs expanded)
 * @param problems every reason the profiles cannot be applied as a whole, each naming file and line
 * @param warnings things worth knowing that do not stop an apply
 */
public record SysctlPlan(String target, List<SysctlEntry> entries, List<String> problems, List<String> warnings) {

    /** Copies the lists. */
    public SysctlPlan {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /**
     * Tells whether apply would go ahead.
     *
     * @return true when there is no problem
     */
    public boolean ready() {
        return problems.isEmpty();
    }
}

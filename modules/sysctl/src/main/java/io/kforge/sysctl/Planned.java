package io.kforge.sysctl;

import io.kforge.core.spi.SysctlEntry;
import io.kforge.core.spi.SysctlPlan;
import java.util.List;

/**
 * A plan with what the engine needs to carry it out: the parsed key behind each entry.
 *
 * @param plan the plan as the user sees it
 * @param keys one per entry, in the same order
 */
record Planned(SysctlPlan plan, List<Key> keys) {

    /** Copies the list. */
    Planned {
        keys = List.copyOf(keys);
    }

    /**
     * One entry of the plan with its parsed key.
     *
     * @param key the key
     * @param entry the entry
     */
    record Key(SysctlKey key, SysctlEntry entry) {
    }
}

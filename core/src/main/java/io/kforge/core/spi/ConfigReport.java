package io.kforge.core.spi;

import java.util.List;

/**
 * What the configuration stage did with what it was asked: every requested option that did not take effect, and
 * every symbol the fragments set more than once.
 *
 * @param requested how many options the fragments asked for
 * @param dropped the requested options whose final value differs from the request
 * @param conflicts the redefinitions between or within fragments
 */
public record ConfigReport(int requested, List<DroppedOption> dropped, List<ConfigConflict> conflicts) {

    /** Copies the lists. */
    public ConfigReport {
        dropped = List.copyOf(dropped);
        conflicts = List.copyOf(conflicts);
    }
}

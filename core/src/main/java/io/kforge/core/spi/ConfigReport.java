package io.kforge.core.spi;

import java.util.List;

/**
 * What the configuration stage did with what it was asked: every option that did not end up as asked, and every
 * symbol the fragments set more than once with different values.
 *
 * <p>The dropped options asked for by a fragment come first (their {@link DroppedOption#origin()} is the fragment's
 * file and line), in fragment order; then the base configuration's values ({@code y}, {@code m}, numbers, strings)
 * that did not survive (no origin), which a fragment may cause, for example by disabling a parent, but which are
 * never blamed on one and never fail strict mode. A base line that turns a symbol off is not compared: a fragment
 * enabling something that selects the symbol loses nothing.
 *
 * @param requested how many options the fragments asked for (each symbol once, the last assignment counting)
 * @param dropped the options whose final value differs from the one asked
 * @param conflicts the redefinitions between or within fragments
 */
public record ConfigReport(int requested, List<DroppedOption> dropped, List<ConfigConflict> conflicts) {

    /** Copies the lists. */
    public ConfigReport {
        dropped = List.copyOf(dropped);
        conflicts = List.copyOf(conflicts);
    }

    /**
     * Returns the dropped options a fragment asked for.
     *
     * @return the options with an origin
     */
    public List<DroppedOption> fromFragments() {
        return dropped.stream().filter(d -> d.origin().isPresent()).toList();
    }

    /**
     * Returns the options of the base configuration that changed.
     *
     * @return the options without an origin
     */
    public List<DroppedOption> fromBase() {
        return dropped.stream().filter(d -> d.origin().isEmpty()).toList();
    }
}

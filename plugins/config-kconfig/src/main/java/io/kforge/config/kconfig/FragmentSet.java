package io.kforge.config.kconfig;

import io.kforge.core.spi.ConfigConflict;
import io.kforge.core.spi.Place;
import io.kforge.kconfig.ConfigLine;
import io.kforge.kconfig.DotConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fragments of a request read in order: what they ask for (a later assignment wins) and every symbol they set
 * twice to different values, with both places.
 */
final class FragmentSet {

    private final Map<String, ConfigLine> requested;
    private final List<ConfigConflict> conflicts;

    private FragmentSet(Map<String, ConfigLine> requested, List<ConfigConflict> conflicts) {
        this.requested = requested;
        this.conflicts = List.copyOf(conflicts);
    }

    /**
     * Reads fragments given as files or built-in profile names.
     *
     * @param names the fragment arguments, in order
     * @param copies where built-in profiles are copied so that report places point at a real file
     * @return the fragments
     * @throws io.kforge.core.spi.InvalidInputException naming file and line for a malformed line
     */
    static FragmentSet read(List<String> names, Path copies) {
        var requested = new LinkedHashMap<String, ConfigLine>();
        var conflicts = new ArrayList<ConfigConflict>();
        for (var name : names) {
            for (var line : DotConfig.read(FragmentProfiles.resolve(name, copies)).assignments()) {
                var earlier = requested.remove(line.symbol());
                requested.put(line.symbol(), line);
                if (earlier != null && !earlier.value().equals(line.value())) {
                    conflicts.add(new ConfigConflict(line.symbol(), earlier.place(), earlier.value(), line.place(),
                            line.value()));
                }
            }
        }
        return new FragmentSet(requested, conflicts);
    }

    /**
     * Returns the effective requests: each symbol's last assignment, ordered by where that assignment is.
     *
     * @return the requests
     */
    List<ConfigLine> requested() {
        return List.copyOf(requested.values());
    }

    /**
     * Returns where each requested symbol was set (its last assignment).
     *
     * @return symbol to place
     */
    Map<String, Place> places() {
        var places = new LinkedHashMap<String, Place>();
        requested.forEach((symbol, line) -> places.put(symbol, line.place()));
        return places;
    }

    /**
     * Tells whether a fragment sets a symbol.
     *
     * @param symbol the symbol
     * @return true when some fragment assigns it
     */
    boolean sets(String symbol) {
        return requested.containsKey(symbol);
    }

    /**
     * Returns the redefinitions with different values.
     *
     * @return the conflicts, in the order they were met
     */
    List<ConfigConflict> conflicts() {
        return conflicts;
    }
}

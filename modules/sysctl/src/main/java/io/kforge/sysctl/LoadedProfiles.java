package io.kforge.sysctl;

import java.util.List;

/**
 * Profiles read with their includes: every assignment in the order it takes effect, and every problem found.
 *
 * @param settings the assignments, included profiles first; a later one for the same key wins
 * @param problems one line per problem, each starting with file and line
 * @param sources the profiles read, built-in names and files, in the order they were read
 */
public record LoadedProfiles(List<SysctlSetting> settings, List<String> problems, List<String> sources) {

    /** Copies the lists. */
    public LoadedProfiles {
        settings = List.copyOf(settings);
        problems = List.copyOf(problems);
        sources = List.copyOf(sources);
    }
}

package io.kforge.sysctl;

import java.util.List;

/**
 * What one profile file holds once read: its assignments, the profiles it includes and what is wrong with it.
 *
 * @param settings the assignments in file order
 * @param includes the profiles it includes, in order
 * @param problems one line per problem, each starting with file and line
 */
public record ProfileText(List<SysctlSetting> settings, List<Include> includes, List<String> problems) {

    /** Copies the lists. */
    public ProfileText {
        settings = List.copyOf(settings);
        includes = List.copyOf(includes);
        problems = List.copyOf(problems);
    }

    /**
     * One included profile.
     *
     * @param name a built-in profile name or a file, relative to the including file's folder
     * @param origin the file and line of the include
     */
    public record Include(String name, String origin) {
    }
}

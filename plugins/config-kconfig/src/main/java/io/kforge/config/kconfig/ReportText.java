package io.kforge.config.kconfig;

import io.kforge.core.spi.ConfigConflict;
import io.kforge.core.spi.ConfigReport;
import io.kforge.core.spi.DroppedOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a config report as plain lines, for the report file kept beside the configuration and for the message of
 * a strict-mode failure.
 */
final class ReportText {

    private ReportText() {
    }

    /**
     * Renders the whole report.
     *
     * @param report the report
     * @return the lines
     */
    static List<String> lines(ConfigReport report) {
        var lines = new ArrayList<String>();
        lines.add(report.requested() + " options requested, " + report.fromFragments().size() + " not as requested, "
                + report.fromBase().size() + " base options changed, " + report.conflicts().size() + " conflicts");
        report.fromFragments().forEach(d -> lines.add("dropped: " + dropped(d)));
        report.fromBase().forEach(d -> lines.add("base changed: " + dropped(d)));
        report.conflicts().forEach(c -> lines.add("conflict: " + conflict(c)));
        return lines;
    }

    /**
     * Renders what strict mode refuses: the fragment drops and the conflicts.
     *
     * @param report the report
     * @return one line per problem
     */
    static List<String> problems(ConfigReport report) {
        var lines = new ArrayList<String>();
        report.fromFragments().forEach(d -> lines.add(dropped(d)));
        report.conflicts().forEach(c -> lines.add(conflict(c)));
        return lines;
    }

    static String dropped(DroppedOption option) {
        return option.origin().map(p -> p + ": ").orElse("") + "CONFIG_" + option.symbol() + "="
                + option.requested() + " became " + option.actual().orElse("unset")
                + option.reason().map(r -> " [" + r.kind() + "] " + r.detail()).orElse("");
    }

    static String conflict(ConfigConflict conflict) {
        return "CONFIG_" + conflict.symbol() + " set to " + conflict.firstValue() + " at " + conflict.first()
                + " and to " + conflict.secondValue() + " at " + conflict.second() + "; the later one wins";
    }
}

package io.kforge.cli;

import io.kforge.core.RunResult;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * The short human summary of {@code kforge up}.
 */
final class Summary {

    private Summary() {
    }

    static void print(RunResult result, PrintWriter out) {
        var times = result.stageTimes();
        var source = result.source();
        out.printf("source  Linux %s from %s%s%n", source.version(), source.origin(), took(times.get("source")));
        var report = result.config().report();
        out.printf("config  %s: %d options requested, %d not as requested, %d conflicts%s%n", result.config().config(),
                report.requested(), report.dropped().size(), report.conflicts().size(), took(times.get("config")));
        for (var dropped : report.dropped()) {
            out.printf("          CONFIG_%s requested %s, got %s%s%s%n", dropped.symbol(), dropped.requested(),
                    dropped.actual().orElse("unset"), dropped.origin().map(p -> " (" + p + ")").orElse(" (base)"),
                    dropped.reason().map(r -> ": " + r.kind() + ", " + r.detail()).orElse(""));
        }
        var build = result.build();
        out.printf("build   %s (%s, %d warnings%s)%s%n", build.image(), build.kernelRelease(), build.warnings(),
                build.cached() ? ", cached" : "", took(times.get("build")));
        var boot = result.boot();
        out.printf("boot    guest runs Linux %s under %s%s%s%n", boot.kernelRelease(), boot.accel(),
                boot.accelNote().map(note -> " (" + note + ")").orElse(""), took(times.get("boot")));
        for (var check : boot.checks()) {
            out.printf("          %-4s %-18s %s%n", check.ok() ? "ok" : "FAIL", check.name(), check.detail());
        }
        out.printf("          console log: %s%n", boot.console());
        var sysctl = result.sysctl();
        out.printf("sysctl  %s: %s%s%n", sysctl.target(), sysctl.verified() ? "every value read back as wanted"
                : "SOME VALUES DIFFER", took(times.get("sysctl")));
        for (var entry : sysctl.results()) {
            out.printf("          %-4s %s = %s%s%n", entry.ok() ? "ok" : "FAIL", entry.key(),
                    entry.actual().orElse("(missing)"), entry.ok() ? "" : " (wanted " + entry.wanted() + ")");
        }
        out.println(result.ok() ? "kforge: done" : "kforge: FAILED (see above)");
    }

    private static String took(Duration took) {
        return took == null ? "" : String.format("  [%.1f s]", took.toMillis() / 1000.0);
    }
}

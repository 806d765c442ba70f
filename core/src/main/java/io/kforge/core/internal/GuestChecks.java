package io.kforge.core.internal;

import io.kforge.core.CheckResult;
import io.kforge.core.spi.GuestShell;
import io.kforge.core.spi.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The check sets run inside a booted guest, by name.
 */
public final class GuestChecks {

    /** A check: a name and the shell command whose exit status 0 means it passed. */
    private record Check(String name, String command) {
    }

    private static final Map<String, List<Check>> SETS = Map.of(
            "smoke", List.of(
                    new Check("proc-mounted", "grep -q ' /proc proc ' /proc/mounts && echo /proc mounted"),
                    new Check("sysfs-mounted", "grep -q ' /sys sysfs ' /proc/mounts && echo /sys mounted"),
                    new Check("devtmpfs-mounted", "grep -q ' /dev devtmpfs ' /proc/mounts && echo /dev mounted"),
                    new Check("sysctl-net", "test -d /proc/sys/net/core && echo /proc/sys/net present")));

    private GuestChecks() {
    }

    /**
     * Fails when a check set name is unknown, before anything is booted.
     *
     * @param names the check set names
     * @throws InvalidInputException naming the unknown set and the known ones
     */
    public static void validate(List<String> names) {
        for (var name : names) {
            if (!SETS.containsKey(name)) {
                throw new InvalidInputException("unknown check set '" + name + "' (known: "
                        + String.join(", ", SETS.keySet().stream().sorted().toList()) + ")");
            }
        }
    }

    /**
     * Runs the named check sets in a guest, plus a comparison of the running kernel release with the built one.
     *
     * @param shell the guest's shell
     * @param names the check set names
     * @param runningRelease what the guest's {@code uname -r} printed
     * @param builtRelease the release of the built kernel, when known
     * @return every check's result
     */
    public static List<CheckResult> run(GuestShell shell, List<String> names, String runningRelease,
                                        Optional<String> builtRelease) {
        validate(names);
        var results = new ArrayList<CheckResult>();
        builtRelease.ifPresent(built -> results.add(new CheckResult("kernel-release", built.equals(runningRelease),
                "running " + runningRelease + ", built " + built)));
        for (var name : names) {
            for (var check : SETS.get(name)) {
                var result = shell.exec(check.command());
                var detail = result.output().strip();
                results.add(new CheckResult(check.name(), result.ok(),
                        result.ok() ? detail : "failed: " + check.command() + (detail.isEmpty() ? "" : ": " + detail)));
            }
        }
        return results;
    }
}

package io.kforge.sysctl;

import io.kforge.core.spi.SysctlEntry;
import io.kforge.core.spi.SysctlPlan;
import io.kforge.core.spi.SysctlScope;
import io.kforge.core.spi.SysctlStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Works out a plan: resolves globs and repeated keys as systemd does, reads every key from the target once, and
 * gives each key a status, listing every problem at once.
 *
 * <p>A later assignment of a key wins; a glob sets every matching key that no plain assignment names and no
 * {@code -key} line excludes. A key the target cannot take is a problem unless it is optional ({@code -} prefix or a
 * lenient request), in which case it is skipped. In a network namespace, a global key counts as read-only: writing
 * it there would change it for the whole machine.
 */
final class SysctlPlanner {

    private static final List<String> LIMITS = List.of("net.core.rmem_max", "net.core.wmem_max");

    private SysctlPlanner() {
    }

    /**
     * Plans profiles on a target.
     *
     * @param profiles the profiles, already read
     * @param target the target's {@code /proc/sys}
     * @param lenient true to treat every key as optional
     * @return the plan and the key behind each entry
     */
    static Planned plan(LoadedProfiles profiles, ProcSys target, boolean lenient) {
        var warnings = new ArrayList<String>();
        var assignments = resolve(profiles.settings(), target, warnings);
        var toRead = new ArrayList<>(assignments.keySet());
        LIMITS.stream().map(l -> SysctlKey.parse(l).orElseThrow()).filter(l -> !assignments.containsKey(l))
                .forEach(toRead::add);
        var states = target.read(toRead);

        var problems = new ArrayList<>(profiles.problems());
        var keys = new ArrayList<Planned.Key>();
        for (var assignment : assignments.entrySet()) {
            var setting = assignment.getValue();
            var state = Objects.requireNonNull(states.get(assignment.getKey()),
                    () -> "no state read for " + assignment.getKey());
            var entry = entry(assignment.getKey(), setting, state, target,
                    lenient || setting.optional());
            keys.add(new Planned.Key(assignment.getKey(), entry));
            if (isProblem(entry.status())) {
                problems.add(entry.origin() + ": " + entry.key() + ": " + entry.detail());
            }
        }

        var wanted = new HashMap<String, String>();
        keys.forEach(k -> wanted.put(k.entry().key(), k.entry().wanted()));
        warnings.addAll(ValueChecks.warnings(wanted, key -> SysctlKey.parse(key)
                .map(states::get).flatMap(KeyState::value)));
        var plan = new SysctlPlan(target.label(), keys.stream().map(Planned.Key::entry).toList(), problems, warnings);
        return new Planned(plan, keys);
    }

    private static boolean isProblem(SysctlStatus status) {
        return switch (status) {
            case MISSING, READ_ONLY, REMOVED, FAILED -> true;
            case OK, CHANGED, SKIPPED -> false;
        };
    }

    private static Map<SysctlKey, SysctlSetting> resolve(List<SysctlSetting> settings, ProcSys target,
                                                         List<String> warnings) {
        Set<SysctlKey> named = new HashSet<>();
        Set<SysctlKey> excluded = new HashSet<>();
        for (var setting : settings) {
            if (setting.exclusion()) {
                excluded.add(setting.key());
            } else if (!setting.key().isGlob()) {
                named.add(setting.key());
            }
        }
        var expanded = new HashMap<SysctlKey, List<SysctlKey>>();
        var resolved = new LinkedHashMap<SysctlKey, SysctlSetting>();
        for (var setting : settings) {
            if (setting.exclusion()) {
                continue;
            }
            if (!setting.key().isGlob()) {
                resolved.put(setting.key(), setting);
                continue;
            }
            var matches = expanded.computeIfAbsent(setting.key(), target::expand);
            if (matches.isEmpty()) {
                warnings.add(setting.origin() + ": " + setting.key() + " matches no key on " + target.label());
            }
            matches.stream().filter(m -> !named.contains(m) && !excluded.contains(m))
                    .forEach(m -> resolved.put(m, setting));
        }
        return resolved;
    }

    private static SysctlEntry entry(SysctlKey key, SysctlSetting setting, KeyState state, ProcSys target,
                                     boolean optional) {
        var wanted = setting.value().orElseThrow();
        var globalHere = state.scope() == SysctlScope.GLOBAL && !target.initialNamespace();
        SysctlStatus status;
        String detail;
        if (!state.exists()) {
            status = state.known() ? SysctlStatus.MISSING : SysctlStatus.REMOVED;
            detail = state.known()
                    ? "not in " + target.label() + (globalHere ? "; it is a global key: set it on the host" : "")
                    : "not in this kernel" + (target.initialNamespace() ? "" : ", not even in the initial namespace")
                            + ": removed from the kernel, misspelt, or its module is not loaded";
        } else if (ValueChecks.problem(key.dotted(), wanted).isPresent()) {
            status = SysctlStatus.FAILED;
            detail = ValueChecks.problem(key.dotted(), wanted).get();
        } else if (state.value().isEmpty()) {
            status = state.writable() ? SysctlStatus.FAILED : SysctlStatus.READ_ONLY;
            detail = "its current value cannot be read, so a failed apply could not put it back";
        } else if (SysctlValues.same(state.value().get(), wanted)) {
            status = SysctlStatus.OK;
            detail = "";
        } else if (!state.writable()) {
            status = SysctlStatus.READ_ONLY;
            detail = globalHere ? "global key, read-only in " + target.label() + ": set it on the host"
                    : "read-only in " + target.label();
        } else if (globalHere) {
            status = SysctlStatus.READ_ONLY;
            detail = "global key: writing it in " + target.label()
                    + " would change it for the whole machine; set it on the host";
        } else {
            status = SysctlStatus.CHANGED;
            detail = "";
        }
        if (optional && isProblem(status)) {
            detail = status.label() + ": " + detail;
            status = SysctlStatus.SKIPPED;
        }
        return new SysctlEntry(key.dotted(), wanted, state.value(), state.exists(), state.writable(), state.scope(),
                status, setting.origin(), optional, detail);
    }
}

package io.kforge.sysctl;

import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.SysctlEntry;
import io.kforge.core.spi.SysctlOutcome;
import io.kforge.core.spi.SysctlPlan;
import io.kforge.core.spi.SysctlRequest;
import io.kforge.core.spi.SysctlResult;
import io.kforge.core.spi.SysctlStatus;
import io.kforge.core.spi.StageContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans, applies, verifies and rolls back profiles on any target that offers its {@code /proc/sys} as a
 * {@link ProcSys}; both appliers share it.
 *
 * <p>Apply is all or nothing: it writes nothing while the plan has a problem, and when a write fails, or a value
 * reads back different, every key already written is put back before the error is thrown. The values an apply
 * replaces are saved first (see {@link RollbackStore}), so that {@link #rollback} can restore them later.
 */
public final class SysctlEngine {

    private static final System.Logger LOG = System.getLogger(SysctlEngine.class.getName());

    private SysctlEngine() {
    }

    /**
     * Works out what apply would do; writes nothing.
     *
     * @param request the profiles and options
     * @param target the target's {@code /proc/sys}
     * @param context the stage context
     * @return the plan, with every problem, from the profiles and from the target, listed
     */
    public static SysctlPlan plan(SysctlRequest request, ProcSys target, StageContext context) {
        return planned(request, target, context).plan();
    }

    /**
     * Applies profiles all or nothing and reads every key back.
     *
     * @param request the profiles and options
     * @param target the target's {@code /proc/sys}
     * @param context the stage context
     * @return each key with its value read back
     * @throws InvalidInputException when the plan has problems, all listed; nothing is written then
     * @throws io.kforge.core.spi.KforgeException when a write fails, after every written key is restored
     */
    public static SysctlOutcome apply(SysctlRequest request, ProcSys target, StageContext context) {
        var planned = planned(request, target, context);
        var plan = planned.plan();
        if (!plan.ready()) {
            throw new InvalidInputException("cannot apply to " + plan.target() + "; nothing was written. "
                    + plan.problems().size() + (plan.problems().size() == 1 ? " problem:" : " problems:")
                    + "\n  " + String.join("\n  ", plan.problems()));
        }
        var changes = planned.keys().stream()
                .filter(k -> k.entry().status() == SysctlStatus.CHANGED)
                .map(k -> new ValueWriter.Change(k.key(), k.entry().wanted(), k.entry().current().orElse(""),
                        k.entry().origin(), k.entry().optional()))
                .toList();
        var store = RollbackStore.of(request, context);
        var previous = store.snapshot();
        if (!changes.isEmpty()) {
            store.save(target.label(), changes.stream().map(c -> new RollbackStore.Saved(c.key(), c.before()))
                    .toList());
        }
        var written = ValueWriter.writeAll(target, changes, "apply", () -> store.restore(previous));
        var outcome = outcome(planned, written, target, plan.warnings());
        LOG.log(System.Logger.Level.INFO, "sysctl apply on {0}: {1} changed, {2} already right, {3} skipped",
                target.label(), count(outcome, SysctlStatus.CHANGED), count(outcome, SysctlStatus.OK),
                count(outcome, SysctlStatus.SKIPPED));
        return outcome;
    }

    /**
     * Reads every key of the profiles back and compares it with the wanted value; writes nothing.
     *
     * @param request the profiles
     * @param target the target's {@code /proc/sys}
     * @param context the stage context
     * @return each key with its value read back
     * @throws InvalidInputException when a profile is malformed or unknown
     */
    public static SysctlOutcome verify(SysctlRequest request, ProcSys target, StageContext context) {
        var loaded = ProfileLoader.load(request.profiles());
        if (!loaded.problems().isEmpty()) {
            throw new InvalidInputException("cannot verify: the profiles have problems:\n  "
                    + String.join("\n  ", loaded.problems()));
        }
        var planned = SysctlPlanner.plan(loaded, target, request.lenient());
        var results = new ArrayList<SysctlResult>();
        for (var key : planned.keys()) {
            var entry = key.entry();
            boolean ok = entry.current().map(v -> SysctlValues.same(v, entry.wanted())).orElse(false);
            var status = ok ? SysctlStatus.OK : verifyStatus(entry);
            var detail = ok ? "" : entry.current().map(v -> "reads " + v + ", wanted " + entry.wanted())
                    .orElse(entry.detail());
            results.add(new SysctlResult(entry.key(), entry.wanted(), entry.current(), ok, status, entry.current(),
                    entry.scope(), entry.origin(), detail));
        }
        return summary(target.label(), results, planned.plan().warnings());
    }

    /**
     * Restores the values saved before the last apply on the target, all or nothing.
     *
     * @param request the target and, optionally, the rollback file
     * @param target the target's {@code /proc/sys}
     * @param context the stage context
     * @return each restored key with its value read back
     * @throws InvalidInputException when no apply was recorded for the target
     * @throws io.kforge.core.spi.KforgeException when a value cannot be restored, after undoing this rollback
     */
    public static SysctlOutcome rollback(SysctlRequest request, ProcSys target, StageContext context) {
        var store = RollbackStore.of(request, context);
        var saved = store.load(target.label());
        var states = target.read(saved.stream().map(RollbackStore.Saved::key).toList());
        var origin = store.file().toString();
        var changes = new ArrayList<ValueWriter.Change>();
        var results = new ArrayList<SysctlResult>();
        for (var value : saved) {
            var state = states.get(value.key());
            if (state.value().map(v -> SysctlValues.same(v, value.value())).orElse(false)) {
                results.add(new SysctlResult(value.key().dotted(), value.value(), state.value(), true, SysctlStatus.OK,
                        state.value(), state.scope(), origin, ""));
            } else {
                changes.add(new ValueWriter.Change(value.key(), value.value(), state.value().orElse(""), origin,
                        false));
            }
        }
        var written = ValueWriter.writeAll(target, changes, "rollback", () -> { });
        for (var change : written) {
            results.add(new SysctlResult(change.key().dotted(), change.wanted(), change.actual(), true,
                    SysctlStatus.CHANGED, Optional.of(change.before()), states.get(change.key()).scope(), origin,
                    ""));
        }
        store.delete();
        LOG.log(System.Logger.Level.INFO, "sysctl rollback on {0}: {1} keys restored", target.label(), written.size());
        return summary(target.label(), results, List.of());
    }

    private static Planned planned(SysctlRequest request, ProcSys target, StageContext context) {
        var planned = SysctlPlanner.plan(ProfileLoader.load(request.profiles()), target, request.lenient());
        planned.plan().warnings().forEach(context::warn);
        return planned;
    }

    private static SysctlOutcome outcome(Planned planned, List<ValueWriter.Written> written, ProcSys target,
                                         List<String> warnings) {
        var results = new ArrayList<SysctlResult>();
        for (var key : planned.keys()) {
            var entry = key.entry();
            var done = written.stream().filter(w -> w.key().equals(key.key())).findFirst();
            results.add(done.map(w -> result(entry, w)).orElseGet(() -> unchanged(entry)));
        }
        return summary(target.label(), results, warnings);
    }

    private static SysctlResult result(SysctlEntry entry, ValueWriter.Written written) {
        var status = written.refused().isPresent() ? SysctlStatus.SKIPPED : SysctlStatus.CHANGED;
        var detail = written.refused().map(reason -> "failed: " + reason).orElse("");
        boolean ok = written.actual().map(v -> SysctlValues.same(v, entry.wanted())).orElse(false);
        return new SysctlResult(entry.key(), entry.wanted(), written.actual(), ok, status, entry.current(),
                entry.scope(), entry.origin(), detail);
    }

    private static SysctlResult unchanged(SysctlEntry entry) {
        boolean ok = entry.status() == SysctlStatus.OK;
        return new SysctlResult(entry.key(), entry.wanted(), entry.current(), ok, entry.status(), entry.current(),
                entry.scope(), entry.origin(), entry.detail());
    }

    private static SysctlStatus verifyStatus(SysctlEntry entry) {
        if (entry.optional()) {
            return SysctlStatus.SKIPPED;
        }
        if (!entry.exists()) {
            return entry.status() == SysctlStatus.MISSING ? SysctlStatus.MISSING : SysctlStatus.REMOVED;
        }
        return SysctlStatus.FAILED;
    }

    private static SysctlOutcome summary(String target, List<SysctlResult> results, List<String> warnings) {
        boolean verified = results.stream().allMatch(r -> r.ok() || r.status() == SysctlStatus.SKIPPED);
        boolean applied = results.stream().allMatch(SysctlResult::ok);
        return new SysctlOutcome(target, results, verified, applied, warnings);
    }

    private static long count(SysctlOutcome outcome, SysctlStatus status) {
        return outcome.results().stream().filter(r -> r.status() == status).count();
    }
}

package io.kforge.sysctl.guest;

import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.StageContext;
import io.kforge.core.spi.SysctlApplier;
import io.kforge.core.spi.SysctlOutcome;
import io.kforge.core.spi.SysctlPlan;
import io.kforge.core.spi.SysctlRequest;
import io.kforge.core.spi.SysctlTarget;
import io.kforge.sysctl.ProfileLoader;
import io.kforge.sysctl.SysctlEngine;
import java.util.List;

/**
 * Applies sysctl profiles inside a booted guest through its shell, all or nothing, and reads every key back.
 *
 * <p>The guest needs a POSIX {@code sh} with {@code test}, {@code tr}, {@code stat} and {@code tee} (BusyBox has
 * them all); with {@code unshare} as well, the plan also tells per-namespace keys from global ones.
 */
public final class GuestApplier implements SysctlApplier {

    /** Creates the applier; the registry calls this. */
    public GuestApplier() {
    }

    @Override
    public String id() {
        return "guest";
    }

    @Override
    public boolean supports(SysctlTarget target) {
        return target instanceof SysctlTarget.Guest;
    }

    @Override
    public List<String> checkProfiles(List<String> profiles) {
        return ProfileLoader.load(profiles).problems();
    }

    @Override
    public SysctlPlan plan(SysctlRequest request, StageContext context) {
        return SysctlEngine.plan(request, procSys(request.target()), context);
    }

    @Override
    public SysctlOutcome apply(SysctlRequest request, StageContext context) {
        return SysctlEngine.apply(request, procSys(request.target()), context);
    }

    @Override
    public SysctlOutcome verify(SysctlRequest request, StageContext context) {
        return SysctlEngine.verify(request, procSys(request.target()), context);
    }

    @Override
    public SysctlOutcome rollback(SysctlRequest request, StageContext context) {
        return SysctlEngine.rollback(request, procSys(request.target()), context);
    }

    private static GuestProcSys procSys(SysctlTarget target) {
        if (target instanceof SysctlTarget.Guest(var shell)) {
            return new GuestProcSys(shell);
        }
        throw new InvalidInputException("the guest sysctl plugin only reaches a booted guest, not " + target.label());
    }
}

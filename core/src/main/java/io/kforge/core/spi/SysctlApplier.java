package io.kforge.core.spi;

import java.util.List;

/**
 * Plans, applies, verifies, persists and rolls back sysctl profiles on a target; apply is all or nothing.
 *
 * <p>Only {@link #supports} and {@link #apply} are required. The other operations have defaults that refuse with
 * an {@link InvalidInputException} naming the provider, for appliers that cannot offer them.
 */
public non-sealed interface SysctlApplier extends Plugin {

    @Override
    default PluginKind kind() {
        return PluginKind.SYSCTL;
    }

    /**
     * Tells whether this applier reaches the given target.
     *
     * @param target the target
     * @return true when this applier can serve requests for it
     */
    boolean supports(SysctlTarget target);

    /**
     * Works out what apply would do, without writing anything: for each key its current and wanted value, whether
     * it exists and is writable there, its scope and its status, with every problem listed at once (problems in
     * the profiles, such as a malformed line or an unknown profile, are listed too rather than thrown).
     *
     * @param request the profiles and the target
     * @param context the stage context
     * @return the plan
     * @throws InvalidInputException when the target cannot be reached as named (no such namespace)
     */
    default SysctlPlan plan(SysctlRequest request, StageContext context) {
        throw unsupported("plan");
    }

    /**
     * Applies the profiles, then reads every key back. Nothing is written when the plan has a problem; when a write
     * fails, every key already changed is restored before the error is thrown. The values replaced are saved for
     * {@link #rollback}.
     *
     * @param request the profiles and the target
     * @param context the stage context
     * @return each key with its value read back
     * @throws InvalidInputException when a profile is malformed (naming file and line) or unknown, or the plan has
     *                               problems (all of them listed)
     * @throws KforgeException when a write fails, naming the key and the reason
     */
    SysctlOutcome apply(SysctlRequest request, StageContext context);

    /**
     * Reads every key of the profiles back from the target and compares it with the wanted value.
     *
     * @param request the profiles and the target
     * @param context the stage context
     * @return each key with its value read back
     * @throws InvalidInputException when a profile is malformed or unknown
     */
    default SysctlOutcome verify(SysctlRequest request, StageContext context) {
        throw unsupported("verify");
    }

    /**
     * Restores the values saved before the last apply on the request's target; the request's profiles are not
     * used.
     *
     * @param request the target and, optionally, the rollback file
     * @param context the stage context
     * @return each restored key with its value read back
     * @throws InvalidInputException when no apply was recorded for the target
     * @throws KforgeException when a value cannot be restored
     */
    default SysctlOutcome rollback(SysctlRequest request, StageContext context) {
        throw unsupported("rollback");
    }

    /**
     * Writes the profiles as one {@code sysctl.d} file into an image's root folder, atomically, and reports which
     * file wins for each key at boot.
     *
     * @param request the profiles and an {@link SysctlTarget.Image} target
     * @param context the stage context
     * @return the file written and the winner of each key
     * @throws InvalidInputException when a profile is malformed or the target is not an image
     */
    default SysctlPersisted persist(SysctlRequest request, StageContext context) {
        throw unsupported("persist");
    }

    /**
     * Reads profiles without touching any target, so that a mistake in one is found before a long build.
     *
     * @param profiles built-in profile names or files
     * @return one line per problem, each naming file and line; empty when the profiles can be used
     */
    default List<String> checkProfiles(List<String> profiles) {
        return List.of();
    }

    private InvalidInputException unsupported(String operation) {
        return new InvalidInputException("the '" + id() + "' sysctl plugin cannot " + operation);
    }
}

package io.kforge.core.spi;

/**
 * Applies sysctl profiles on a target, all or nothing, and reads every value back.
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
     * @return true when {@link #apply} can serve it
     */
    boolean supports(SysctlTarget target);

    /**
     * Applies the profiles, then reads every key back. When a write fails, every key already changed is restored
     * before the error is thrown.
     *
     * @param request the profiles and the target
     * @param context the stage context
     * @return each key with its value read back
     * @throws InvalidInputException when a profile is malformed (naming file and line) or unknown
     * @throws KforgeException when a write fails, naming the key and the reason
     */
    SysctlOutcome apply(SysctlRequest request, StageContext context);
}

/**
 * The {@code guest} sysctl applier: plans, applies all or nothing, verifies and rolls back sysctl profiles inside a
 * booted guest, reading and writing {@code /proc/sys} through the guest's shell with validated keys and quoted
 * values.
 */
module io.kforge.sysctl.guest {
    requires io.kforge.core;
    requires io.kforge.sysctl;

    provides io.kforge.core.spi.SysctlApplier with io.kforge.sysctl.guest.GuestApplier;
}

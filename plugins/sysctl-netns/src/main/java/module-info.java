/**
 * The {@code netns} sysctl applier: plans, applies all or nothing, verifies and rolls back sysctl profiles inside a
 * network namespace of this machine through {@code ip netns exec}, finding at run time which keys are per
 * namespace and which are global. It also persists profiles into an image's root folder ({@code image:PATH}).
 */
module io.kforge.sysctl.netns {
    requires io.kforge.core;
    requires io.kforge.sysctl;

    provides io.kforge.core.spi.SysctlApplier with io.kforge.sysctl.netns.NetnsApplier;
}

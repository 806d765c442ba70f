/**
 * The fragment merger: a base configuration plus fragments in order, {@code make olddefconfig} with the compiler
 * backend's arguments, and a report of every requested option that did not take effect.
 */
module io.kforge.config.kconfig {
    requires io.kforge.core;
    requires io.kforge.kconfig;

    provides io.kforge.core.spi.ConfigMerger with io.kforge.config.kconfig.FragmentMerger;
}

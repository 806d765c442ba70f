/**
 * The fragment merger: a base configuration (kept in the workspace once expanded) plus fragments in order,
 * {@code make olddefconfig} with the compiler backend's arguments, a report of every requested option that did not
 * take effect with its reason from the tree's Kconfig, the explanation of any symbol, and the built-in fragment
 * profiles ({@code qemu-minimal}, {@code k8s}).
 */
module io.kforge.config.kconfig {
    requires io.kforge.core;
    requires io.kforge.kconfig;

    provides io.kforge.core.spi.ConfigMerger with io.kforge.config.kconfig.FragmentMerger;
}

/**
 * The rust compiler backend: clang and LLVM ({@code LLVM=1}) with {@code CONFIG_RUST=y} asked for in every
 * configuration. Before building it checks rustc, bindgen, the libclang bindgen loads and the Rust library source
 * against the tree's minimums and runs the tree's {@code make rustavailable}; when {@code CONFIG_RUST} still falls
 * back to {@code n}, it says which dependency, from the tree's own Kconfig, is at fault.
 */
module io.kforge.compiler.rust {
    requires io.kforge.core;
    requires io.kforge.kbuild;
    requires io.kforge.kconfig;

    provides io.kforge.core.spi.CompilerBackend with io.kforge.compiler.rust.RustBackend;
}

/**
 * The gcc compiler backend: checks the host's GCC, binutils and build tools against the tree's own minimum
 * versions, and builds the kernel out of tree with {@code make}, cached in the workspace with its whole log and a
 * {@code build.json}; cross builds use the GNU cross toolchain ({@code CROSS_COMPILE}).
 */
module io.kforge.compiler.gcc {
    requires io.kforge.core;
    requires io.kforge.kbuild;

    provides io.kforge.core.spi.CompilerBackend with io.kforge.compiler.gcc.GccBackend;
}

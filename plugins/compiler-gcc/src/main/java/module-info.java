/**
 * The gcc compiler backend: checks the host's build tools and runs {@code make -jN bzImage} out of tree, keeping the
 * whole log and a {@code build.json} beside the kernel.
 */
module io.kforge.compiler.gcc {
    requires io.kforge.core;

    provides io.kforge.core.spi.CompilerBackend with io.kforge.compiler.gcc.GccBackend;
}

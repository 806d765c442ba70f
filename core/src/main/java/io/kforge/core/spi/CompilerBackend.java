package io.kforge.core.spi;

/**
 * A toolchain that compiles the kernel: its {@code make} arguments for every step, and the build itself.
 */
public non-sealed interface CompilerBackend extends Plugin {

    @Override
    default PluginKind kind() {
        return PluginKind.COMPILER;
    }

    /**
     * Returns what this backend adds to every {@code make} call for the given tree and architecture.
     *
     * @param tree the kernel tree
     * @param arch the target architecture ({@code x86_64})
     * @return the toolchain with the versions found
     * @throws KforgeException when a tool it needs is missing, naming the package that provides it
     */
    Toolchain toolchain(SourceTree tree, String arch);

    /**
     * Builds the kernel into the given folder.
     *
     * @param request what to build
     * @param context the stage context; the build folder comes from {@link StageContext#cached}
     * @return the built kernel
     * @throws KforgeException when the build fails, with its first error
     */
    BuildOutcome build(BuildRequest request, StageContext context);
}

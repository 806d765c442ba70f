package io.kforge.core.spi;

import java.nio.file.Path;
import java.util.Optional;

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
     * Checks the host against what building this tree for this architecture needs, with the minimum versions the tree
     * itself states, before anything long starts.
     *
     * <p>With a configuration, the tools its options call for are checked too ({@code pahole} when
     * {@code CONFIG_DEBUG_INFO_BTF} is on, the Rust tools when {@code CONFIG_RUST} is). The default gives the
     * backend's {@link #probe()}.
     *
     * @param tree the kernel tree
     * @param config a {@code .config} or fragment with the options wanted, or empty to check the basic tools only
     * @param arch the target architecture ({@code x86_64}, {@code arm64})
     * @return one row per tool, and the command that installs what is missing
     */
    default Probe check(SourceTree tree, Optional<Path> config, String arch) {
        return probe();
    }

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

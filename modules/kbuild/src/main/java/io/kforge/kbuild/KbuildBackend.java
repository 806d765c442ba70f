package io.kforge.kbuild;

import io.kforge.core.spi.BuildOutcome;
import io.kforge.core.spi.BuildRequest;
import io.kforge.core.spi.CompilerBackend;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.Probe;
import io.kforge.core.spi.SourceTree;
import io.kforge.core.spi.StageContext;
import io.kforge.core.spi.Toolchain;
import io.kforge.core.spi.ToolCheck;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the gcc, clang and rust backends have in common: the host check against the tree's minimums, the toolchain
 * ({@code make} variables for every call, the configuration step included) and the cached out-of-tree build.
 *
 * <p>A backend module subclasses it with its {@link Compiler} and declares the subclass with {@code provides} in its
 * module-info.
 */
public abstract class KbuildBackend implements CompilerBackend {

    private final Compiler compiler;
    private final HostTools tools;
    private final Distro distro;

    /**
     * Creates a backend.
     *
     * @param compiler the compiler it builds with
     * @param tools the host's tools; {@link HostTools#system()} for the registry's instance
     * @param distro the distribution, for install commands
     */
    protected KbuildBackend(Compiler compiler, HostTools tools, Distro distro) {
        this.compiler = compiler;
        this.tools = tools;
        this.distro = distro;
    }

    @Override
    public String id() {
        return compiler.id();
    }

    /**
     * Returns the compiler this backend builds with.
     *
     * @return the compiler
     */
    public Compiler compiler() {
        return compiler;
    }

    /**
     * Checks the host for a build for the host's architecture, without a tree: presence and versions only.
     *
     * @return the table, with any version accepted
     */
    @Override
    public Probe probe() {
        return HostCheck.run(compiler, Optional.empty(), Arch.of(Arch.host()), ConfigValues.none(), tools, distro);
    }

    @Override
    public Probe check(SourceTree tree, Optional<Path> config, String arch) {
        var values = config.map(ConfigValues::read).orElse(ConfigValues.none());
        return HostCheck.run(compiler, Optional.of(tree.path()), Arch.of(arch), values, tools, distro);
    }

    /**
     * Returns the {@code make} variables of this compiler and the versions of the tools that shape the kernel.
     *
     * <p>Only those tools are run here, so that a cache hit stays fast; the build checks every other tool before it
     * compiles. When one of them is missing, the whole table's problems are in the message.
     */
    @Override
    public Toolchain toolchain(SourceTree tree, String arch) {
        var target = Arch.of(arch);
        var probe = HostCheck.toolchain(compiler, tree.path(), target, tools, distro);
        if (!probe.usable()) {
            probe = check(tree, Optional.empty(), target.name());
            throw new KforgeException("the " + id() + " backend cannot build Linux " + tree.version() + " for "
                    + target.name() + " on this host:\n  " + String.join("\n  ", probe.missing())
                    + (probe.install().isEmpty() ? "" : "\ninstall it all with: " + String.join(" ", probe.install())));
        }
        var versions = new TreeMap<String, String>();
        probe.rows().stream().filter(ToolCheck::required).forEach(r -> r.found().ifPresent(v -> versions.put(r.tool(),
                v)));
        return new Toolchain(id(), target.name(), compiler.makeArguments(target), tools.environment(), versions);
    }

    @Override
    public BuildOutcome build(BuildRequest request, StageContext context) {
        return new KernelBuild(request, context, this).run();
    }

    /**
     * Returns the options this backend adds to every configuration it builds, before {@code make olddefconfig}.
     *
     * @return symbol (without {@code CONFIG_}) to value; empty by default
     */
    protected Map<String, String> options() {
        return Map.of();
    }

    /**
     * Checks the configuration after {@code make olddefconfig}, before compiling; by default accepts it.
     *
     * @param request the build request
     * @param config the final {@code .config} in the build folder
     * @param context the stage context
     * @throws KforgeException when the build must not go on, saying why
     */
    protected void configured(BuildRequest request, Path config, StageContext context) {
    }

    /**
     * Returns the host's tools this backend checks and builds with.
     *
     * @return the tools
     */
    protected HostTools tools() {
        return tools;
    }
}

package io.kforge.compiler.gcc;

import io.kforge.core.spi.BuildOutcome;
import io.kforge.core.spi.BuildRequest;
import io.kforge.core.spi.CompilerBackend;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.Probe;
import io.kforge.core.spi.SourceTree;
import io.kforge.core.spi.StageContext;
import io.kforge.core.spi.Toolchain;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds kernels with gcc and GNU binutils.
 */
public final class GccBackend implements CompilerBackend {

    /** The tools a kernel build needs, with the Debian package that provides each. */
    static final Map<String, String> TOOLS = Map.of(
            "gcc", "apt-get install gcc",
            "make", "apt-get install make",
            "ld", "apt-get install binutils",
            "flex", "apt-get install flex",
            "bison", "apt-get install bison",
            "bc", "apt-get install bc");

    private static final Map<String, String> ARCHES = Map.of("x86_64", "x86_64");

    @Override
    public String id() {
        return "gcc";
    }

    @Override
    public Probe probe() {
        return Probe.tools(TOOLS);
    }

    @Override
    public Toolchain toolchain(SourceTree tree, String arch) {
        if (!ARCHES.containsKey(arch)) {
            throw new io.kforge.core.spi.InvalidInputException("the gcc backend builds for " + ARCHES.keySet()
                    + ", not '" + arch + "'");
        }
        var probe = probe();
        if (!probe.usable()) {
            throw new KforgeException("the gcc backend cannot build on this host: "
                    + String.join("; ", probe.missing()));
        }
        return new Toolchain(id(), arch, List.of("ARCH=" + ARCHES.get(arch)), Map.of(), new TreeMap<>(probe.found()));
    }

    @Override
    public BuildOutcome build(BuildRequest request, StageContext context) {
        return new KernelBuild(request, context).run();
    }
}

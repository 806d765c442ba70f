package io.kforge.compiler.gcc;

import io.kforge.core.Workspace;
import io.kforge.core.spi.BuildRequest;
import io.kforge.core.spi.Command;
import io.kforge.core.spi.CommandRunner;
import io.kforge.core.spi.StageListener;
import io.kforge.kbuild.HostTools;
import io.kforge.testkit.TestKernels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures for the build stage, run by hand (never by the test suite): kforge's build against plain {@code make -jN}
 * on the same tree and {@code .config}; a cache hit against {@code make} on an already built tree; and a rebuild
 * after {@code make clean} with a warm ccache (the one the gcc test builds filled). Each figure is the wall time and
 * the CPU time of the processes it ran ({@code make} and everything below it), which a busy machine disturbs less.
 *
 * <p>With the argument {@code overhead}, only kforge's build and plain {@code make} are measured, kforge first.
 *
 * <p>Run from the project folder after {@code ./mvnw -pl plugins/compiler-gcc -am verify}, with the test class path:
 * {@code java -cp ... io.kforge.compiler.gcc.KernelBuildBenchmark}.
 */
public final class KernelBuildBenchmark {

    private KernelBuildBenchmark() {
    }

    /**
     * Runs every measurement once and prints the wall times.
     *
     * @param args ignored
     * @throws IOException when the scratch folder cannot be made
     */
    public static void main(String[] args) throws IOException {
        var scratch = Files.createTempDirectory("kforge-build-benchmark-");
        var tree = GccBuilds.tree();
        var config = TestKernels.qemuMinimal().config();
        var jobs = Runtime.getRuntime().availableProcessors();
        var figures = new LinkedHashMap<String, double[]>();
        var overheadOnly = List.of(args).contains("overhead");

        var backend = new GccBackend();
        var request = new BuildRequest(tree, config, backend.toolchain(tree, "x86_64"), "bzImage", jobs);
        var workspace = Workspace.at(scratch.resolve("workspace"));
        figures.put("kforge build (same tree and .config, no ccache)", time(() -> backend.build(request,
                workspace.context("build", StageListener.NONE))));
        var plain = Files.createDirectories(scratch.resolve("plain"));
        Files.copy(config, plain.resolve(".config"));
        figures.put("plain make olddefconfig + make -j" + jobs + " bzImage", time(() -> {
            make(tree.path(), plain, Map.of(), "olddefconfig");
            make(tree.path(), plain, Map.of(), "-j" + jobs, "bzImage");
        }));
        if (!overheadOnly) {
            figures.put("kforge build again (cache hit)", time(() -> backend.build(request,
                    workspace.context("build", StageListener.NONE))));
            figures.put("make -j" + jobs + " bzImage on the built tree", time(() -> make(tree.path(), plain,
                    Map.of(), "-j" + jobs, "bzImage")));
            var ccache = Map.of("CCACHE_DIR", GccBuilds.folder().resolve("ccache").toString());
            var cached = Files.createDirectories(scratch.resolve("ccache"));
            Files.copy(config, cached.resolve(".config"));
            make(tree.path(), cached, ccache, "CC=ccache gcc", "olddefconfig");
            make(tree.path(), cached, ccache, "CC=ccache gcc", "-j" + jobs, "bzImage");
            make(tree.path(), cached, ccache, "CC=ccache gcc", "clean");
            figures.put("make -j" + jobs + " bzImage after make clean, warm ccache", time(() -> make(tree.path(),
                    cached, ccache, "CC=ccache gcc", "-j" + jobs, "bzImage")));
        }

        figures.forEach((what, took) -> System.out.printf("%-60s %8.2f s wall %8.2f s CPU%n", what, took[0],
                took[1]));
        Workspace.deleteTree(scratch);
    }

    /** Returns the wall time and the CPU time of the finished child processes, in seconds. */
    private static double[] time(Runnable work) {
        var cpu = childrenCpu();
        var started = System.nanoTime();
        work.run();
        return new double[] {(System.nanoTime() - started) / 1e9, childrenCpu() - cpu};
    }

    /** Reads {@code cutime} and {@code cstime} of this process: the CPU of every child it waited for, and theirs. */
    private static double childrenCpu() {
        try {
            var stat = Files.readString(Path.of("/proc/self/stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void make(Path tree, Path out, Map<String, String> environment, String... targets) {
        var make = HostTools.system().find("make").orElseThrow().toString();
        var command = Command.of(make, "-C", tree.toString(), "O=" + out, "ARCH=x86_64").plus(List.of(targets))
                .withEnvironment(environment);
        var result = CommandRunner.local().run(command, line -> { });
        if (!result.ok()) {
            throw new IllegalStateException(result.failure());
        }
    }
}

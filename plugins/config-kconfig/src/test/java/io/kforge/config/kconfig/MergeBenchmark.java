package io.kforge.config.kconfig;

import io.kforge.core.Workspace;
import io.kforge.core.spi.Command;
import io.kforge.core.spi.CommandRunner;
import io.kforge.core.spi.ConfigRequest;
import io.kforge.core.spi.StageListener;
import io.kforge.kconfig.KconfigTree;
import io.kforge.testkit.TestTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Compares kforge's merge with the tree's {@code scripts/kconfig/merge_config.sh} on the same job: the
 * {@code k8s-monolithic.config} fragment over x86_64 {@code defconfig} on the 6.12 tree. It checks that both final
 * {@code .config} files are identical and prints both times, their ratio, where kforge's time goes, and how long
 * reading the whole x86_64 Kconfig tree takes.
 *
 * <p>Run it with the test class path, for example {@code java -cp ... io.kforge.config.kconfig.MergeBenchmark
 * [fragment]}. It is not a test: timings depend on the machine and its load.
 */
public final class MergeBenchmark {

    private static final int WARM_RUNS = 3;
    private static final int PARSES = 10;

    private MergeBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args an optional fragment file instead of the bundled {@code k8s-monolithic.config}
     * @throws IOException when the scratch folder cannot be written
     */
    public static void main(String[] args) throws IOException {
        var tree = TestTrees.linux612();
        var work = Files.createTempDirectory("kforge-merge-benchmark-");
        try {
            var fragment = args.length > 0 ? Path.of(args[0]).toAbsolutePath() : bundledFragment(work);
            var script = mergeConfig(tree, work, fragment);
            var kforge = kforge(tree, work, fragment);
            var same = Arrays.equals(Files.readAllBytes(script.config()), Files.readAllBytes(kforge.config()));

            System.out.printf("merge_config.sh: make defconfig %d ms + merge_config.sh %d ms = %d ms%n",
                    script.defconfig(), script.merge(), script.defconfig() + script.merge());
            System.out.printf("kforge, empty workspace (make defconfig, model read): %d ms (%s)%n", kforge.cold(),
                    kforge.coldPhases());
            System.out.printf("kforge, base kept in the workspace, best of %d: %d ms (%s)%n", WARM_RUNS,
                    kforge.warm(), kforge.warmPhases());
            System.out.printf("ratio merge_config.sh / kforge: %.1fx with the base kept, %.1fx from empty%n",
                    (double) (script.defconfig() + script.merge()) / kforge.warm(),
                    (double) (script.defconfig() + script.merge()) / kforge.cold());
            System.out.println("final .config files identical: " + same);
            parses(tree);
            if (!same) {
                throw new IllegalStateException("the final .config files differ: " + script.config() + " and "
                        + kforge.config());
            }
        } finally {
            Workspace.deleteTree(work);
        }
    }

    private record ScriptRun(long defconfig, long merge, Path config) {
    }

    private record KforgeRun(long cold, String coldPhases, long warm, String warmPhases, Path config) {
    }

    private static ScriptRun mergeConfig(Path tree, Path work, Path fragment) throws IOException {
        var out = Files.createDirectories(work.resolve("merge_config"));
        var started = System.nanoTime();
        run(Command.of("make", "-C", tree.toString(), "O=" + out, "ARCH=x86_64", "defconfig"));
        var defconfig = millis(started);
        var base = Files.copy(out.resolve(".config"), work.resolve("base.config"));

        started = System.nanoTime();
        run(Command.of(tree.resolve("scripts/kconfig/merge_config.sh").toString(), "-O", out.toString(),
                base.toString(), fragment.toString()).in(tree).withEnvironment(Map.of("ARCH", "x86_64")));
        return new ScriptRun(defconfig, millis(started), out.resolve(".config"));
    }

    private static KforgeRun kforge(Path tree, Path work, Path fragment) {
        var workspace = Workspace.at(work.resolve("workspace"));
        var request = new ConfigRequest(Configs.tree(), "defconfig", List.of(fragment.toString()), Configs.GCC,
                false);
        var phases = new ArrayList<String>();
        StageListener listener = new StageListener() {
            @Override
            public void log(String stage, String line) {
                if (line.startsWith("kconfig timings: ")) {
                    phases.add(line.substring("kconfig timings: ".length()));
                }
            }
        };
        var merger = new FragmentMerger();

        var started = System.nanoTime();
        merger.configure(request, workspace.context("config", listener));
        var cold = millis(started);
        var coldPhases = phases.getLast();

        var best = Long.MAX_VALUE;
        var bestPhases = "";
        Path config = null;
        for (int i = 0; i < WARM_RUNS; i++) {
            started = System.nanoTime();
            config = merger.configure(request, workspace.context("config", listener)).config();
            var took = millis(started);
            if (took < best) {
                best = took;
                bestPhases = phases.getLast();
            }
        }
        return new KforgeRun(cold, coldPhases, best, bestPhases, config);
    }

    private static void parses(Path tree) {
        var times = new long[PARSES];
        var symbols = 0;
        for (int i = 0; i < PARSES; i++) {
            var started = System.nanoTime();
            symbols = KconfigTree.load(tree, "x86_64").symbols().size();
            times[i] = millis(started);
        }
        var first = times[0];
        Arrays.sort(times);
        System.out.printf("x86_64 Kconfig parse (%d symbols): first %d ms, then median %d ms, best %d ms%n",
                symbols, first, times[PARSES / 2], times[0]);
    }

    private static Path bundledFragment(Path work) throws IOException {
        var target = work.resolve("k8s-monolithic.config");
        try (InputStream in = MergeBenchmark.class.getResourceAsStream("k8s-monolithic.config")) {
            Files.copy(in, target);
        }
        return target;
    }

    private static void run(Command command) {
        var result = CommandRunner.local().run(command, line -> { });
        if (!result.ok()) {
            throw new IllegalStateException(command.display() + " failed: " + result.failure());
        }
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}

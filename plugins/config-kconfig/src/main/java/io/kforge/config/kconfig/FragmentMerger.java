package io.kforge.config.kconfig;

import io.kforge.core.spi.ConfigMerger;
import io.kforge.core.spi.ConfigReport;
import io.kforge.core.spi.ConfigOutcome;
import io.kforge.core.spi.ConfigRequest;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.Probe;
import io.kforge.core.spi.StageContext;
import io.kforge.core.spi.SymbolExplanation;
import io.kforge.kconfig.DotConfig;
import io.kforge.kconfig.Evaluation;
import io.kforge.kconfig.KconfigTree;
import io.kforge.kconfig.RenameTable;
import io.kforge.kconfig.SymbolExplainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Merges fragments over a base configuration the way {@code merge_config.sh} users expect (a later assignment
 * wins, every redefinition is reported), runs {@code make olddefconfig} with the toolchain's arguments, and reports
 * every requested option whose final value differs from the request, with the reason read from the tree's Kconfig.
 *
 * <p>The expanded base ({@code make defconfig} and the like) is kept in the workspace per tree, base and toolchain,
 * so that a repeated run costs one {@code make olddefconfig}; with no fragment, the expanded base is the result and
 * no {@code make} runs at all once it is kept. The tree's Kconfig model, needed for the reasons, is read while
 * {@code make} runs.
 */
public final class FragmentMerger implements ConfigMerger {

    private static final System.Logger LOG = System.getLogger(FragmentMerger.class.getName());

    @Override
    public String id() {
        return "kconfig";
    }

    @Override
    public Probe probe() {
        return Probe.tools(Map.of("make", "apt-get install make"));
    }

    @Override
    public ConfigOutcome configure(ConfigRequest request, StageContext context) {
        var clock = new PhaseClock();
        var model = TreeModels.of(request.tree().path(), request.toolchain().arch());
        var out = context.newRunFolder("kconfig");
        var make = new KernelMake(request.tree(), request.toolchain(), context);

        var fragments = FragmentSet.read(request.fragments(), out.resolve("fragments"));
        var baseFile = BaseConfigs.prepare(request, make, out, context);
        var base = DotConfig.read(baseFile);
        clock.lap("base");
        var config = out.resolve(".config");
        if (request.fragments().isEmpty() && BaseConfigs.isMakeTarget(request.base())) {
            copy(baseFile, config);
        } else {
            base.with(fragments.requested()).write(config);
            make.run(out, "olddefconfig");
            BaseConfigs.keepTools(request, out, context);
        }
        clock.lap("olddefconfig");

        var result = DotConfig.read(config);
        var report = new ReportBuilder(fragments, base, result)
                .build(() -> readable(model, context), new RustAvailability(make, out));
        writeReport(out, report);
        clock.lap("report");
        context.log("kconfig timings: " + clock);
        LOG.log(System.Logger.Level.INFO, "configured {0} + {1} fragment(s) in {2} ms: {3} requested, {4} dropped,"
                        + " {5} base options changed, {6} conflicts", request.base(), request.fragments().size(),
                clock.total(), report.requested(), report.fromFragments().size(), report.fromBase().size(),
                report.conflicts().size());
        var problems = ReportText.problems(report);
        if (request.strict() && !problems.isEmpty()) {
            throw new KforgeException("strict mode: " + problems.size() + " problem(s) in the configuration (kept in "
                    + out + "):\n  " + String.join("\n  ", problems));
        }
        return new ConfigOutcome(config, report);
    }

    @Override
    public SymbolExplanation explain(ConfigRequest request, String symbol, StageContext context) {
        var bare = symbol.startsWith("CONFIG_") ? symbol.substring("CONFIG_".length()) : symbol;
        var tree = TreeModels.await(TreeModels.of(request.tree().path(), request.toolchain().arch()));
        SymbolExplainer.requireDefined(tree, bare);
        var relaxed = new ConfigRequest(request.tree(), request.base(), request.fragments(), request.toolchain(),
                false);
        var outcome = configure(relaxed, context);
        return new SymbolExplainer(new Evaluation(tree, DotConfig.read(outcome.config())), RenameTable.builtIn())
                .explain(bare);
    }

    private static Optional<KconfigTree> readable(CompletableFuture<KconfigTree> model, StageContext context) {
        try {
            return Optional.of(TreeModels.await(model));
        } catch (RuntimeException e) {
            context.warn("cannot read the tree's Kconfig files, so dropped options come without reasons: "
                    + e.getMessage());
            return Optional.empty();
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new KforgeException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    private static void writeReport(Path out, ConfigReport report) {
        try {
            Files.write(out.resolve("config-report.txt"), ReportText.lines(report));
        } catch (IOException e) {
            throw new KforgeException("cannot write the config report in " + out + ": " + e.getMessage(), e);
        }
    }
}

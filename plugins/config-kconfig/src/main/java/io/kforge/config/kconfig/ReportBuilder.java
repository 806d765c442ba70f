package io.kforge.config.kconfig;

import io.kforge.core.spi.ConfigReport;
import io.kforge.core.spi.DroppedOption;
import io.kforge.kconfig.ConfigLine;
import io.kforge.kconfig.DotConfig;
import io.kforge.kconfig.DropReasons;
import io.kforge.kconfig.Evaluation;
import io.kforge.kconfig.KconfigTree;
import io.kforge.kconfig.RenameTable;
import io.kforge.kconfig.ToolDiagnosis;
import java.util.ArrayList;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Compares the final configuration with what the fragments asked and with the base, and gives each difference its
 * reason from the tree's Kconfig model. The model is only waited for when something differs.
 *
 * <p>A base line that turns a symbol off is not a request: when a fragment enables something that selects the
 * symbol, nothing was lost, so only the base's values ({@code y}, {@code m}, numbers, strings) are compared.
 */
final class ReportBuilder {

    private final FragmentSet fragments;
    private final DotConfig base;
    private final DotConfig result;

    ReportBuilder(FragmentSet fragments, DotConfig base, DotConfig result) {
        this.fragments = fragments;
        this.base = base;
        this.result = result;
    }

    /**
     * Builds the report.
     *
     * @param model the tree's model, read in the background; empty when it could not be read, and then the
     *              differences are reported without reasons
     * @param tools explains tool-computed symbols such as {@code RUST_IS_AVAILABLE}
     * @return the report: fragment drops first, then base drops, then conflicts
     */
    ConfigReport build(Supplier<Optional<KconfigTree>> model, ToolDiagnosis tools) {
        var fromFragments = fragments.requested().stream().filter(line -> !Requests.satisfied(line, result))
                .toList();
        var fromBase = base.effective().stream()
                .filter(line -> !line.disables() && !fragments.sets(line.symbol()))
                .filter(line -> !Requests.satisfied(line, result)).toList();

        var dropped = new ArrayList<DroppedOption>();
        if (!fromFragments.isEmpty() || !fromBase.isEmpty()) {
            var reasons = model.get().map(tree -> new DropReasons(new Evaluation(tree, result),
                    RenameTable.builtIn(), fragments.places(), tools));
            fromFragments.forEach(line -> dropped.add(drop(line, Optional.of(line), reasons)));
            fromBase.forEach(line -> dropped.add(drop(line, Optional.empty(), reasons)));
        }
        return new ConfigReport(fragments.requested().size(), dropped, fragments.conflicts());
    }

    private DroppedOption drop(ConfigLine line, Optional<ConfigLine> origin, Optional<DropReasons> reasons) {
        var actual = result.value(line.symbol());
        return new DroppedOption(line.symbol(), line.value(), actual, origin.map(ConfigLine::place),
                reasons.flatMap(r -> r.explain(line.symbol(), line.value(), actual)));
    }
}

package io.kforge.kconfig;

import io.kforge.core.spi.DropReason;
import io.kforge.core.spi.Place;
import java.util.Map;
import java.util.Optional;

/**
 * Finds why a requested value did not end up in the final configuration, from the tree's own Kconfig model
 * evaluated against that configuration. Each answer is one {@link DropReason} kind; the checks run in the order a
 * user would fix things: the symbol must exist, the value must be one it can take, its dependencies must hold, and
 * only then do choices, modules, selects and missing prompts come into play.
 */
public final class DropReasons {

    private final Evaluation evaluation;
    private final KconfigTree tree;
    private final ReasonText text;

    /**
     * Creates the analysis for one final configuration.
     *
     * @param evaluation the tree's model evaluated against the final configuration
     * @param renames the history of removed and renamed symbols
     * @param requestedAt for each symbol a fragment set, where; used to point at the line behind a value
     * @param tools explains symbols whose value comes from running a tool
     */
    public DropReasons(Evaluation evaluation, RenameTable renames, Map<String, Place> requestedAt,
                       ToolDiagnosis tools) {
        this.evaluation = evaluation;
        this.tree = evaluation.tree();
        this.text = new ReasonText(evaluation, renames, requestedAt, tools);
    }

    /**
     * Explains why a symbol's final value differs from the one asked.
     *
     * @param symbol the symbol without {@code CONFIG_}
     * @param requested the value asked ({@code y}, {@code m}, {@code n}, a number or a quoted string)
     * @param actual the final value, empty when unset
     * @return the reason, empty when the model cannot tell
     */
    public Optional<DropReason> explain(String symbol, String requested, Optional<String> actual) {
        var defined = tree.symbol(symbol);
        if (defined.isEmpty()) {
            return reason(DropReason.UNKNOWN_SYMBOL, text.unknownSymbol(symbol));
        }
        var type = defined.get().type();
        var invalid = ValueCheck.problem(defined.get(), requested, evaluation);
        if (invalid.isPresent()) {
            return reason(DropReason.INVALID_VALUE, invalid.get());
        }
        if (!type.isTristateLike()) {
            return notTaken(symbol);
        }
        var wanted = Tristate.parse(requested).orElseThrow();
        var got = actual.flatMap(Tristate::parse).orElse(Tristate.N);
        return wanted.compareTo(got) > 0 ? tooLow(symbol, wanted, got) : tooHigh(symbol, wanted, got);
    }

    private Optional<DropReason> tooLow(String symbol, Tristate wanted, Tristate got) {
        var reachable = evaluation.dependency(symbol);
        if (reachable.compareTo(wanted) < 0) {
            return reason(DropReason.UNMET_DEPENDENCY, text.unmetDependency(symbol, wanted, reachable));
        }
        var choice = tree.choiceOf(symbol);
        if (choice.isPresent() && wanted == Tristate.Y && got == Tristate.N) {
            var winner = choice.get().members().stream().filter(m -> evaluation.tristate(m) == Tristate.Y)
                    .findFirst();
            if (winner.isPresent()) {
                return reason(DropReason.CHOICE, text.otherMemberWon(choice.get(), winner.get()));
            }
        }
        if (evaluation.visibility(symbol).compareTo(wanted) < 0) {
            return reason(DropReason.NO_PROMPT, text.noPrompt(symbol));
        }
        return Optional.empty();
    }

    private Optional<DropReason> tooHigh(String symbol, Tristate wanted, Tristate got) {
        var type = tree.symbol(symbol).orElseThrow().type();
        if (wanted == Tristate.M && got == Tristate.Y && type == SymbolType.TRISTATE
                && !evaluation.modulesEnabled()) {
            return reason(DropReason.MODULES_DISABLED, text.modulesDisabled(symbol));
        }
        if (evaluation.selected(symbol).compareTo(wanted) > 0) {
            return reason(DropReason.NO_PROMPT, text.selected(symbol));
        }
        var choice = tree.choiceOf(symbol);
        if (choice.isPresent() && wanted == Tristate.N && got == Tristate.Y) {
            return reason(DropReason.CHOICE, text.choiceNeedsOne(choice.get(), symbol));
        }
        if (evaluation.visibility(symbol) == Tristate.N) {
            return reason(DropReason.NO_PROMPT, text.noPrompt(symbol));
        }
        return Optional.empty();
    }

    private Optional<DropReason> notTaken(String symbol) {
        if (evaluation.dependency(symbol) == Tristate.N) {
            return reason(DropReason.UNMET_DEPENDENCY, text.unmetDependency(symbol, Tristate.Y, Tristate.N));
        }
        if (evaluation.visibility(symbol) == Tristate.N) {
            return reason(DropReason.NO_PROMPT, text.noPrompt(symbol));
        }
        return Optional.empty();
    }

    private static Optional<DropReason> reason(String kind, String detail) {
        return Optional.of(new DropReason(kind, detail));
    }
}

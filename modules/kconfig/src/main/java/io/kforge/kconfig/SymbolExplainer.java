package io.kforge.kconfig;

import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.SymbolExplanation;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Answers {@code kforge config explain SYMBOL}: where the tree defines a symbol, its type and prompt, its
 * dependencies, what selects or implies it and which default applies, each condition with its current value.
 */
public final class SymbolExplainer {

    private final Evaluation evaluation;
    private final RenameTable renames;

    /**
     * Creates an explainer.
     *
     * @param evaluation the tree's model evaluated against a configuration
     * @param renames the history of removed symbols, for a name the tree does not define
     */
    public SymbolExplainer(Evaluation evaluation, RenameTable renames) {
        this.evaluation = evaluation;
        this.renames = renames;
    }

    /**
     * Explains a symbol.
     *
     * @param name the symbol, with or without {@code CONFIG_}
     * @return the explanation
     * @throws InvalidInputException when the tree does not define the symbol; the message says what replaced it
     *                               when kforge knows, and the nearest names
     */
    public SymbolExplanation explain(String name) {
        var bare = name.startsWith("CONFIG_") ? name.substring("CONFIG_".length()) : name;
        var tree = evaluation.tree();
        var symbol = tree.symbol(bare).orElseThrow(() -> unknown(evaluation, renames, bare));

        var definitions = symbol.entries().stream().map(e -> new SymbolExplanation.Definition(e.place(), e.prompt(),
                evaluation.annotate(e.dependency()), evaluation.condition(e.dependency()).text(), e.help())).toList();
        var selectedBy = relations(tree.selectedBy(bare));
        var impliedBy = relations(tree.impliedBy(bare));
        var defaults = symbol.defaults().stream().map(this::relation).toList();
        var applied = evaluation.appliedDefault(bare).map(this::relation);
        var choice = tree.choiceOf(bare).map(c -> "\"" + c.prompt().orElse("") + "\" (" + c.place() + "), members "
                + c.members().stream().map(m -> m + " [=" + evaluation.tristate(m).text() + "]")
                .collect(Collectors.joining(", ")));
        return new SymbolExplanation(bare, symbol.type().keyword(), evaluation.configured(bare), definitions, choice,
                selectedBy, impliedBy, defaults, applied);
    }

    /**
     * Checks that a tree defines a symbol, before any work is spent on configuring.
     *
     * @param tree the tree's model
     * @param name the symbol, with or without {@code CONFIG_}
     * @throws InvalidInputException when the tree does not define it; the message says what replaced it when
     *                               kforge knows, and the nearest names
     */
    public static void requireDefined(KconfigTree tree, String name) {
        var bare = name.startsWith("CONFIG_") ? name.substring("CONFIG_".length()) : name;
        if (tree.symbol(bare).isEmpty()) {
            var empty = new Evaluation(tree, DotConfig.parse(tree.root().resolve(".config"), List.of()));
            throw unknown(empty, RenameTable.builtIn(), bare);
        }
    }

    private static InvalidInputException unknown(Evaluation evaluation, RenameTable renames, String name) {
        return new InvalidInputException(new ReasonText(evaluation, renames, Map.of(), ToolDiagnosis.NONE)
                .unknownSymbol(name));
    }

    private List<SymbolExplanation.Relation> relations(List<Reverse> lines) {
        return lines.stream().map(r -> new SymbolExplanation.Relation(r.by(), evaluation.annotate(r.condition()),
                evaluation.condition(r.expression()).text(), r.place())).toList();
    }

    private SymbolExplanation.Relation relation(Property property) {
        return new SymbolExplanation.Relation(property.value().render(), evaluation.annotate(property.condition()),
                evaluation.condition(property.condition()).text(), property.place());
    }
}

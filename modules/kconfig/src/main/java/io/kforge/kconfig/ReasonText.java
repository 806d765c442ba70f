package io.kforge.kconfig;

import io.kforge.core.spi.Place;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the one-sentence details of drop reasons, naming symbols with their current values and, when a fragment
 * set a value involved, the fragment line.
 */
final class ReasonText {

    private final Evaluation evaluation;
    private final KconfigTree tree;
    private final RenameTable renames;
    private final Map<String, Place> requestedAt;
    private final ToolDiagnosis tools;

    ReasonText(Evaluation evaluation, RenameTable renames, Map<String, Place> requestedAt, ToolDiagnosis tools) {
        this.evaluation = evaluation;
        this.tree = evaluation.tree();
        this.renames = renames;
        this.requestedAt = Map.copyOf(requestedAt);
        this.tools = tools;
    }

    String unknownSymbol(String symbol) {
        var text = new StringBuilder("no symbol " + symbol + " in this tree (Linux " + tree.version() + ", "
                + tree.arch() + ")");
        var rename = renames.lookup(symbol, tree.version());
        rename.ifPresent(known -> {
            text.append(": removed in ").append(known.release()).append(", ").append(known.note());
            if (!known.replacements().isEmpty()) {
                text.append("; now ").append(known.replacements().stream().map(this::valued)
                        .collect(Collectors.joining(", ")));
            }
        });
        var replacements = rename.map(RenameTable.Rename::replacements).orElse(List.of());
        var nearest = tree.nearest(symbol, 3 + replacements.size()).stream()
                .filter(name -> !replacements.contains(name)).limit(3).toList();
        if (!nearest.isEmpty()) {
            text.append("; nearest names: ").append(nearest.stream().map(this::valued)
                    .collect(Collectors.joining(", ")));
        }
        return text.toString();
    }

    String unmetDependency(String symbol, Tristate wanted, Tristate reachable) {
        var dependency = tree.symbol(symbol).orElseThrow().dependency();
        var failing = new ArrayList<String>();
        for (var term : dependency.conjuncts()) {
            if (evaluation.condition(term).compareTo(wanted) < 0) {
                failing.add(term(term));
            }
        }
        var limit = reachable == Tristate.M ? " (so it can be m at most)" : "";
        var unmet = failing.isEmpty() ? "its dependencies are " + reachable.text()
                : "depends on " + String.join(" and ", failing);
        return unmet + limit + "; whole dependency: " + evaluation.annotate(dependency);
    }

    String otherMemberWon(Choice choice, String winner) {
        return describe(choice) + " has one member set and " + winner + " won" + origin(winner, " (set at ", ")")
                + "; members: " + String.join(", ", choice.members());
    }

    String choiceNeedsOne(Choice choice, String symbol) {
        return describe(choice) + " must have one member set and, with no other member set to y, " + symbol
                + " was chosen";
    }

    String noPrompt(String symbol) {
        var definition = tree.symbol(symbol).orElseThrow();
        var text = new StringBuilder();
        if (definition.hasPrompt()) {
            text.append("its prompt is hidden: ").append(definition.entries().stream()
                    .filter(e -> e.prompt().isPresent()).map(e -> evaluation.annotate(e.visibility()))
                    .collect(Collectors.joining(" or ")));
        } else {
            text.append(symbol).append(" has no prompt, so only select or default set it");
        }
        text.append(selectors(symbol));
        var applied = evaluation.appliedDefault(symbol);
        text.append(applied.map(p -> "; default " + p.value().render() + shownCondition(p.condition()) + " ("
                + p.place() + ") applies").orElse("; no default applies"));
        return text.toString();
    }

    String selected(String symbol) {
        return "a select forces it above the value asked" + selectors(symbol);
    }

    String modulesDisabled(String symbol) {
        var modules = tree.modulesSymbol();
        return modules + " is n" + origin(modules, " (set at ", ")") + ", so CONFIG_" + symbol
                + " cannot be a module and is built in (y) instead";
    }

    private String selectors(String symbol) {
        var active = tree.selectedBy(symbol).stream()
                .filter(r -> evaluation.condition(r.expression()) != Tristate.N).toList();
        var all = tree.selectedBy(symbol);
        if (all.isEmpty()) {
            return "; nothing selects it";
        }
        var shown = active.isEmpty() ? all : active;
        var listed = shown.stream().limit(5).map(r -> evaluation.annotate(r.expression()) + " (" + r.place() + ")")
                .collect(Collectors.joining(", "));
        var more = shown.size() > 5 ? " and " + (shown.size() - 5) + " more" : "";
        return (active.isEmpty() ? "; no select is active: " : "; selected by ") + listed + more;
    }

    private String term(Expr term) {
        var values = new ArrayList<String>();
        for (var name : term.symbols()) {
            values.add(name + "=" + shownValue(name) + origin(name, ", set at ", "") + diagnosis(name));
        }
        collectMacros(term, values);
        return term.render() + (values.isEmpty() ? "" : " (" + String.join("; ", values) + ")");
    }

    private static void collectMacros(Expr term, List<String> values) {
        switch (term) {
            case Expr.Macro(var source) -> values.add(source + " is computed by running a tool");
            case Expr.Not(var operand) -> collectMacros(operand, values);
            case Expr.And(var left, var right) -> {
                collectMacros(left, values);
                collectMacros(right, values);
            }
            case Expr.Or(var left, var right) -> {
                collectMacros(left, values);
                collectMacros(right, values);
            }
            case Expr.Compare(var operator, var left, var right) -> {
                collectMacros(left, values);
                collectMacros(right, values);
            }
            default -> { }
        }
    }

    private String diagnosis(String name) {
        var symbol = tree.symbol(name);
        if (symbol.isEmpty() || symbol.get().hasPrompt() || evaluation.tristate(name) != Tristate.N) {
            return "";
        }
        var macro = symbol.get().defaults().stream().filter(p -> p.value() instanceof Expr.Macro).findFirst();
        if (macro.isEmpty()) {
            return "";
        }
        return tools.whyOff(name).map(why -> ": " + why)
                .orElse(": computed by " + macro.get().value().render() + " (" + macro.get().place() + ")");
    }

    private String valued(String name) {
        return tree.symbol(name).isPresent() ? name + " [=" + shownValue(name) + "]" : name + " (not in this tree)";
    }

    private String shownValue(String name) {
        var type = tree.symbol(name).map(KconfigSymbol::type).orElse(SymbolType.UNKNOWN);
        return type == SymbolType.STRING ? "\"" + evaluation.text(name) + "\"" : evaluation.text(name);
    }

    private String origin(String name, String before, String after) {
        var place = requestedAt.get(name);
        return place == null ? "" : before + place + after;
    }

    private String shownCondition(Expr condition) {
        return condition.equals(Expr.YES) ? "" : " if " + evaluation.annotate(condition);
    }

    private static String describe(Choice choice) {
        return "the choice \"" + choice.prompt().orElse("") + "\" (" + choice.place() + ")";
    }
}

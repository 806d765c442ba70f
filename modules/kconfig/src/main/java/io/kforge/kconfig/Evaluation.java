package io.kforge.kconfig;

import java.util.Optional;

/**
 * Evaluates Kconfig expressions against a configuration, usually the final {@code .config} that {@code make
 * olddefconfig} wrote: a symbol absent from it is {@code n} (or empty, {@code 0}, {@code 0x0} for strings and
 * numbers), as the kernel treats it. A macro such as {@code $(cc-option,...)} cannot be evaluated here; it counts as
 * {@code y} and shows as {@code [=?]}.
 */
public final class Evaluation {

    private final KconfigTree tree;
    private final DotConfig config;
    private final boolean modulesEnabled;

    /**
     * Creates an evaluation.
     *
     * @param tree the tree's model
     * @param config the configuration giving each symbol its value
     */
    public Evaluation(KconfigTree tree, DotConfig config) {
        this.tree = tree;
        this.config = config;
        this.modulesEnabled = config.value(tree.modulesSymbol()).filter("y"::equals).isPresent();
    }

    /**
     * Returns the model the expressions refer to.
     *
     * @return the tree
     */
    public KconfigTree tree() {
        return tree;
    }

    /**
     * Returns a symbol's value as the configuration writes it.
     *
     * @param name the symbol
     * @return the value ({@code y}, {@code m}, a number or a quoted string), empty when unset, {@code n} or absent
     */
    public Optional<String> configured(String name) {
        return config.value(name);
    }

    /**
     * Tells whether modules are enabled, that is whether {@code m} is a possible value.
     *
     * @return true when the {@code modules} symbol is {@code y}
     */
    public boolean modulesEnabled() {
        return modulesEnabled;
    }

    /**
     * Evaluates a condition ({@code depends on}, {@code if}, {@code visible if}), where {@code m} means
     * {@code m && MODULES}.
     *
     * @param expr the condition
     * @return its value
     */
    public Tristate condition(Expr expr) {
        return evaluate(expr, true);
    }

    /**
     * Evaluates a default's value expression, where {@code m} is plain {@code m}.
     *
     * @param expr the value expression
     * @return its value
     */
    public Tristate value(Expr expr) {
        return evaluate(expr, false);
    }

    /**
     * Returns a symbol's value as a tristate.
     *
     * @param name the symbol, or {@code y}, {@code m}, {@code n}
     * @return {@code y}/{@code m} from the configuration for a bool or tristate, {@code n} otherwise
     */
    public Tristate tristate(String name) {
        var constant = Tristate.parse(name);
        if (constant.isPresent()) {
            return constant.get();
        }
        var type = tree.symbol(name).map(KconfigSymbol::type).orElse(SymbolType.UNKNOWN);
        if (!type.isTristateLike()) {
            return Tristate.N;
        }
        return config.value(name).flatMap(Tristate::parse).orElse(Tristate.N);
    }

    /**
     * Returns a symbol's value as text, the way the kernel compares it.
     *
     * @param name the symbol, a number or {@code y}, {@code m}, {@code n}
     * @return the value without quotes; an undefined name stands for itself
     */
    public String text(String name) {
        if (Tristate.parse(name).isPresent()) {
            return name;
        }
        var symbol = tree.symbol(name);
        if (symbol.isEmpty()) {
            return name;
        }
        return switch (symbol.get().type()) {
            case BOOL, TRISTATE -> tristate(name).text();
            case STRING -> config.value(name).map(Evaluation::unquote).orElse("");
            case INT -> config.value(name).orElse("0");
            case HEX -> config.value(name).orElse("0x0");
            case UNKNOWN -> name;
        };
    }

    /**
     * Returns a symbol's type as it acts now: a tristate acts as a bool while modules are off.
     *
     * @param name the symbol
     * @return the effective type, {@link SymbolType#UNKNOWN} for an undefined name
     */
    public SymbolType effectiveType(String name) {
        var type = tree.symbol(name).map(KconfigSymbol::type).orElse(SymbolType.UNKNOWN);
        return type == SymbolType.TRISTATE && !modulesEnabled ? SymbolType.BOOL : type;
    }

    /**
     * Returns the value of a symbol's dependency ({@code depends on} and enclosing blocks); a bool whose
     * dependency is {@code m} can still be {@code y}.
     *
     * @param name the symbol
     * @return the highest value its dependencies allow
     */
    public Tristate dependency(String name) {
        var symbol = tree.symbol(name);
        if (symbol.isEmpty()) {
            return Tristate.N;
        }
        var value = symbol.get().entries().stream().map(e -> condition(e.dependency()))
                .reduce(Tristate.N, Tristate::or);
        return promote(name, value);
    }

    /**
     * Returns the value of a symbol's prompt visibility: what a user value can reach.
     *
     * @param name the symbol
     * @return {@code n} when no prompt is shown
     */
    public Tristate visibility(String name) {
        var symbol = tree.symbol(name);
        if (symbol.isEmpty()) {
            return Tristate.N;
        }
        var value = symbol.get().entries().stream().filter(e -> e.prompt().isPresent())
                .map(e -> condition(e.visibility())).reduce(Tristate.N, Tristate::or);
        return value == Tristate.M && effectiveType(name) != SymbolType.TRISTATE ? Tristate.Y : value;
    }

    /**
     * Returns the value that {@code select} lines force on a symbol.
     *
     * @param name the symbol
     * @return the highest value any active select forces
     */
    public Tristate selected(String name) {
        return promote(name, tree.selectedBy(name).stream().map(r -> condition(r.expression()))
                .reduce(Tristate.N, Tristate::or));
    }

    /**
     * Returns the first default of a symbol whose condition holds, the one the kernel applies when no user value
     * counts.
     *
     * @param name the symbol
     * @return the default, empty when none applies
     */
    public Optional<Property> appliedDefault(String name) {
        return tree.symbol(name).flatMap(s -> s.defaults().stream()
                .filter(p -> condition(p.condition()) != Tristate.N).findFirst());
    }

    /**
     * Writes an expression with each symbol's current value after it, as {@code menuconfig} does:
     * {@code NETFILTER [=y] && NETFILTER_ADVANCED [=n]}.
     *
     * @param expr the expression
     * @return the annotated text
     */
    public String annotate(Expr expr) {
        return ExprText.render(expr, name -> {
            if (name.startsWith("$(")) {
                return " [=?]";
            }
            if (Tristate.parse(name).isPresent() || tree.symbol(name).isEmpty() && isNumber(name)) {
                return "";
            }
            var symbol = tree.symbol(name);
            return symbol.isPresent() && !symbol.get().type().isTristateLike() ? " [=" + shown(name) + "]"
                    : " [=" + tristate(name).text() + "]";
        });
    }

    private String shown(String name) {
        return tree.symbol(name).map(KconfigSymbol::type).filter(t -> t == SymbolType.STRING).isPresent()
                ? "\"" + text(name) + "\"" : text(name);
    }

    private Tristate promote(String name, Tristate value) {
        return value == Tristate.M && effectiveType(name) == SymbolType.BOOL ? Tristate.Y : value;
    }

    private Tristate evaluate(Expr expr, boolean rewriteModules) {
        return switch (expr) {
            case Expr.Symbol(var name) when rewriteModules && name.equals("m") ->
                    modulesEnabled ? Tristate.M : Tristate.N;
            case Expr.Symbol(var name) -> tristate(name);
            case Expr.Constant(var text) -> Tristate.parse(text).orElse(Tristate.N);
            case Expr.Macro ignored -> Tristate.Y;
            case Expr.Not(var operand) -> evaluate(operand, rewriteModules).not();
            case Expr.And(var left, var right) -> evaluate(left, rewriteModules).and(evaluate(right, rewriteModules));
            case Expr.Or(var left, var right) -> evaluate(left, rewriteModules).or(evaluate(right, rewriteModules));
            case Expr.Compare compare -> Comparison.evaluate(compare, this);
        };
    }

    /**
     * Returns the type the kernel uses to read an atom of a comparison.
     *
     * @param atom a symbol, constant or macro
     * @return the symbol's type, {@link SymbolType#TRISTATE} for {@code y}/{@code m}/{@code n}, otherwise unknown
     */
    SymbolType typeOf(Expr atom) {
        if (atom instanceof Expr.Symbol(var name)) {
            if (Tristate.parse(name).isPresent()) {
                return SymbolType.TRISTATE;
            }
            return tree.symbol(name).map(KconfigSymbol::type).orElse(SymbolType.UNKNOWN);
        }
        if (atom instanceof Expr.Constant(var text) && Tristate.parse(text).isPresent()) {
            return SymbolType.TRISTATE;
        }
        return SymbolType.UNKNOWN;
    }

    /**
     * Returns the text of an atom of a comparison.
     *
     * @param atom a symbol, constant or macro
     * @return the text, empty for a macro
     */
    Optional<String> textOf(Expr atom) {
        return switch (atom) {
            case Expr.Symbol(var name) -> Optional.of(text(name));
            case Expr.Constant(var text) -> Optional.of(text);
            default -> Optional.empty();
        };
    }

    private static boolean isNumber(String name) {
        return name.matches("-?[0-9]+|0[xX][0-9a-fA-F]+");
    }

    private static String unquote(String quoted) {
        if (quoted.length() < 2 || !quoted.startsWith("\"")) {
            return quoted;
        }
        var body = quoted.substring(1, quoted.length() - 1);
        var out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            var c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                c = body.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}

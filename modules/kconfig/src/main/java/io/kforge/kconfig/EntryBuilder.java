package io.kforge.kconfig;

import io.kforge.core.spi.Place;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects the lines of one {@code config}, {@code menuconfig}, {@code choice}, {@code menu} or {@code comment}
 * block while the parser reads it, and turns a symbol's block into a {@link SymbolEntry} when the block ends.
 */
final class EntryBuilder {

    /** The kinds of block that take option lines. */
    enum Kind { CONFIG, CHOICE, MENU, COMMENT }

    private record Line(Expr value, Expr condition, Place place) {
    }

    private record RangeLine(Expr low, Expr high, Expr condition, Place place) {
    }

    final Kind kind;
    final String name;
    final Place place;
    final Block parent;
    SymbolType type = SymbolType.UNKNOWN;
    Optional<String> prompt = Optional.empty();
    Expr promptCondition = Expr.YES;
    Expr dependsOn = Expr.YES;
    Optional<String> help = Optional.empty();
    boolean modules;
    boolean transitional;
    private final List<Line> defaults = new ArrayList<>();
    private final List<Line> selects = new ArrayList<>();
    private final List<Line> implies = new ArrayList<>();
    private final List<RangeLine> ranges = new ArrayList<>();

    EntryBuilder(Kind kind, String name, Place place, Block parent) {
        this.kind = kind;
        this.name = name;
        this.place = place;
        this.parent = parent;
    }

    void dependsOn(Expr condition) {
        dependsOn = Expr.and(dependsOn, condition);
    }

    void addDefault(Expr value, Expr condition, Place where) {
        defaults.add(new Line(value, condition, where));
    }

    void addSelect(String target, Expr condition, Place where) {
        selects.add(new Line(new Expr.Symbol(target), condition, where));
    }

    void addImply(String target, Expr condition, Place where) {
        implies.add(new Line(new Expr.Symbol(target), condition, where));
    }

    void addRange(Expr low, Expr high, Expr condition, Place where) {
        ranges.add(new RangeLine(low, high, condition, where));
    }

    /**
     * Returns the whole dependency of the block: its parents' and its own.
     *
     * @return the dependency
     */
    Expr dependency() {
        return Expr.and(parent.dependency(), dependsOn);
    }

    /**
     * Builds the symbol entry, with every condition completed by the block's dependencies.
     *
     * @return the entry
     */
    SymbolEntry toEntry() {
        var dependency = dependency();
        var visibility = prompt.isPresent()
                ? Expr.and(Expr.and(promptCondition, dependency), parent.visibility())
                : new Expr.Symbol("n");
        return new SymbolEntry(place, prompt, visibility, dependsOn, dependency, complete(defaults, dependency),
                complete(selects, dependency), complete(implies, dependency),
                ranges.stream().map(r -> new Range(r.low(), r.high(), Expr.and(dependency, r.condition()),
                        r.place())).toList(),
                parent.choice().map(c -> c.place), help, transitional);
    }

    /**
     * Builds the choice this block describes.
     *
     * @param members the member symbols
     * @return the choice
     */
    Choice toChoice(List<String> members) {
        var dependency = dependency();
        return new Choice(place, prompt, dependency, members, complete(defaults, dependency));
    }

    private static List<Property> complete(List<Line> lines, Expr dependency) {
        return lines.stream().map(l -> new Property(l.value(), Expr.and(dependency, l.condition()), l.place()))
                .toList();
    }
}

package io.kforge.kconfig;

import io.kforge.core.spi.Place;
import java.util.List;
import java.util.Optional;

/**
 * A symbol defined by the tree, with every entry that defines it.
 *
 * @param name the name without {@code CONFIG_}
 * @param type its type (the first one declared wins, as in the kernel)
 * @param entries the {@code config} and {@code menuconfig} blocks, in the order the tree reads them
 */
public record KconfigSymbol(String name, SymbolType type, List<SymbolEntry> entries) {

    /** Copies the list. */
    public KconfigSymbol {
        entries = List.copyOf(entries);
    }

    /**
     * Tells whether any entry gives the symbol a prompt, so that a user value can set it.
     *
     * @return true when at least one entry has a prompt
     */
    public boolean hasPrompt() {
        return entries.stream().anyMatch(e -> e.prompt().isPresent());
    }

    /**
     * Returns the first prompt text.
     *
     * @return the prompt, empty when no entry has one
     */
    public Optional<String> prompt() {
        return entries.stream().flatMap(e -> e.prompt().stream()).findFirst();
    }

    /**
     * Returns every default line of every entry, in the order the kernel tries them.
     *
     * @return the defaults
     */
    public List<Property> defaults() {
        return entries.stream().flatMap(e -> e.defaults().stream()).toList();
    }

    /**
     * Returns the symbol's dependency: the entries' dependencies joined with {@code ||}.
     *
     * @return the dependency, {@link Expr#YES} when there is none
     */
    public Expr dependency() {
        return entries.stream().map(SymbolEntry::dependency).reduce(Expr::or).orElse(Expr.YES);
    }

    /**
     * Returns where the enclosing choice starts, when the symbol is a choice member.
     *
     * @return the choice's place
     */
    public Optional<Place> choice() {
        return entries.stream().flatMap(e -> e.choice().stream()).findFirst();
    }
}

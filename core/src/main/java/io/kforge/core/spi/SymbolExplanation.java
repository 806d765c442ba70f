package io.kforge.core.spi;

import java.util.List;
import java.util.Optional;

/**
 * What a kernel tree's Kconfig says about one symbol, with every condition evaluated against a configuration: the
 * answer to {@code kforge config explain SYMBOL}.
 *
 * @param symbol the symbol without {@code CONFIG_}
 * @param type {@code bool}, {@code tristate}, {@code int}, {@code hex} or {@code string}
 * @param value its value in the configuration, empty when unset or {@code n}
 * @param definitions every {@code config} block defining it
 * @param choice the enclosing choice's prompt and place, when it is a choice member
 * @param selectedBy the {@code select} lines that force it, each with its condition's current value
 * @param impliedBy the {@code imply} lines that suggest it
 * @param defaults its {@code default} lines, in the order the kernel tries them
 * @param appliedDefault the first default whose condition holds, the one used when no user value counts
 */
public record SymbolExplanation(String symbol, String type, Optional<String> value, List<Definition> definitions,
                                Optional<String> choice, List<Relation> selectedBy, List<Relation> impliedBy,
                                List<Relation> defaults, Optional<Relation> appliedDefault) {

    /** Copies the lists. */
    public SymbolExplanation {
        definitions = List.copyOf(definitions);
        selectedBy = List.copyOf(selectedBy);
        impliedBy = List.copyOf(impliedBy);
        defaults = List.copyOf(defaults);
    }

    /**
     * One {@code config} block defining the symbol.
     *
     * @param place the file (relative to the tree) and line
     * @param prompt the prompt, empty when the block has none
     * @param dependsOn the whole dependency with each symbol's value ({@code NET [=y] && NETFILTER [=n]}), or
     *                  {@code y} when there is none
     * @param dependencyValue the dependency's value: {@code y}, {@code m} or {@code n}
     * @param help the help text, empty when there is none
     */
    public record Definition(Place place, Optional<String> prompt, String dependsOn, String dependencyValue,
                             Optional<String> help) {
    }

    /**
     * A line of another entry, or of this one, that bears on the symbol's value.
     *
     * @param what the selecting or implying symbol, or the default's value expression
     * @param condition the line's condition with each symbol's value, or {@code y} when it always holds
     * @param conditionValue the condition's value: {@code y}, {@code m} or {@code n}
     * @param place where the line is
     */
    public record Relation(String what, String condition, String conditionValue, Place place) {
    }
}

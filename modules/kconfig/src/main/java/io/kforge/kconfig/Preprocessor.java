package io.kforge.kconfig;

import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.Place;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kconfig's macro language: {@code $(VAR)}, user functions with {@code $(1)}, the tree's variables
 * ({@code $(SRCARCH)}), and the built-in functions. {@code $(shell,...)} is not run: its result, and everything built
 * on it ({@code $(success,...)}, {@code $(cc-option,...)}), is marked {@link #UNKNOWN}, because only the tree's own
 * {@code make} runs the tools with the right arguments.
 */
final class Preprocessor {

    /** Marks text that only running a tool could produce. */
    static final String UNKNOWN = "\u0001";

    private static final int MAX_DEPTH = 64;

    private record Variable(boolean recursive, String value) {
    }

    private final Map<String, String> environment;
    private final Map<String, Variable> variables = new HashMap<>();
    private Place place = new Place(java.nio.file.Path.of("Kconfig"), 1);

    /**
     * Creates a preprocessor.
     *
     * @param environment the variables {@code make} exports to Kconfig ({@code SRCARCH}, {@code ARCH}...)
     */
    Preprocessor(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * Sets the file and line being read, for {@code $(filename)}, {@code $(lineno)} and messages.
     *
     * @param where the current place
     */
    void at(Place where) {
        place = where;
    }

    /**
     * Defines a variable from an assignment statement.
     *
     * @param name the variable name
     * @param operator {@code =}, {@code :=} or {@code +=}
     * @param value the raw value
     */
    void assign(String name, String operator, String value) {
        var old = variables.get(name);
        var recursive = switch (operator) {
            case ":=" -> false;
            case "+=" -> old == null || old.recursive();
            default -> true;
        };
        var expanded = recursive ? value : expand(value, List.of(), 0);
        if (operator.equals("+=") && old != null) {
            expanded = old.value() + " " + expanded;
        }
        variables.put(name, new Variable(recursive, expanded));
    }

    /**
     * Expands every reference in a string.
     *
     * @param text the text
     * @return the expansion, containing {@link #UNKNOWN} where a tool's output would be
     */
    String expand(String text) {
        return expand(text, List.of(), 0);
    }

    /**
     * Finds where a reference that starts at {@code $(} ends.
     *
     * @param text the text
     * @param dollar the index of the {@code $}
     * @return the index just after the matching {@code )}
     */
    int referenceEnd(String text, int dollar) {
        var nest = 0;
        for (int i = dollar + 2; i < text.length(); i++) {
            var c = text.charAt(i);
            if (c == '(') {
                nest++;
            } else if (c == ')' && nest-- == 0) {
                return i + 1;
            }
        }
        throw new InvalidInputException(place + ": unterminated reference '" + text.substring(dollar)
                + "': missing ')'");
    }

    private String expand(String text, List<String> arguments, int depth) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        var out = new StringBuilder();
        var i = 0;
        while (i < text.length()) {
            var c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
                var end = referenceEnd(text, i);
                out.append(evaluate(text.substring(i + 2, end - 1), arguments, depth + 1));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private String evaluate(String clause, List<String> arguments, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidInputException(place + ": recursive macro expansion of '" + clause + "'");
        }
        if (clause.chars().allMatch(Character::isDigit) && !clause.isEmpty()) {
            var index = Integer.parseInt(clause);
            if (index > 0 && index <= arguments.size()) {
                return arguments.get(index - 1);
            }
        }
        var parts = split(clause);
        var name = expand(parts.getFirst(), arguments, depth);
        var values = new ArrayList<String>();
        parts.subList(1, parts.size()).forEach(part -> values.add(expand(part, arguments, depth)));

        var variable = variables.get(name);
        if (variable != null) {
            return variable.recursive() ? expand(variable.value(), values, depth) : variable.value();
        }
        return switch (name) {
            case "shell" -> UNKNOWN;
            case "info", "warning-if", "error-if" -> "";
            case "filename" -> place.file().toString();
            case "lineno" -> Integer.toString(place.line());
            default -> values.isEmpty() ? environment.getOrDefault(name, UNKNOWN) : "";
        };
    }

    private static List<String> split(String clause) {
        var parts = new ArrayList<String>();
        var nest = 0;
        var start = 0;
        for (int i = 0; i < clause.length(); i++) {
            var c = clause.charAt(i);
            if (c == ',' && nest == 0) {
                parts.add(clause.substring(start, i));
                start = i + 1;
            } else if (c == '(') {
                nest++;
            } else if (c == ')') {
                nest--;
            }
        }
        parts.add(clause.substring(start));
        return parts;
    }
}

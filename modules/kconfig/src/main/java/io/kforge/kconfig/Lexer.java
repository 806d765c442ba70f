package io.kforge.kconfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one logical Kconfig line (continuations already joined) into tokens, expanding macros in words and
 * strings the way the kernel's lexer does, and dropping a {@code #} comment.
 */
final class Lexer {

    private static final String OPERATORS = "||&&!=<=>=:=+=";

    private final Preprocessor macros;

    Lexer(Preprocessor macros) {
        this.macros = macros;
    }

    /**
     * Tokenizes a line.
     *
     * @param line the line
     * @return the tokens; a word whose macros expand to nothing is left out, and so is a character the kernel's
     *         lexer also ignores
     */
    List<Token> tokens(String line) {
        var tokens = new ArrayList<Token>();
        var i = 0;
        while (i < line.length()) {
            var c = line.charAt(i);
            if (c == '#') {
                break;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                i++;
            } else if (c == '"' || c == '\'') {
                i = string(line, i, tokens);
            } else if (isWordChar(c) || c == '$') {
                i = word(line, i, tokens);
            } else {
                i = operator(line, i, tokens);
            }
        }
        return tokens;
    }

    /**
     * Tells whether a character can be part of a plain word.
     *
     * @param c the character
     * @return true for letters, digits, {@code _} and {@code -}
     */
    static boolean isWordChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    private int word(String line, int start, List<Token> tokens) {
        var i = start;
        var hasMacro = false;
        while (i < line.length()) {
            var c = line.charAt(i);
            if (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '(') {
                i = macros.referenceEnd(line, i);
                hasMacro = true;
            } else if (isWordChar(c) || c == '$') {
                i++;
            } else {
                break;
            }
        }
        var source = line.substring(start, i);
        if (!hasMacro) {
            tokens.add(new Token(Token.Kind.WORD, source));
            return i;
        }
        var value = macros.expand(source);
        if (value.contains(Preprocessor.UNKNOWN)) {
            tokens.add(new Token(Token.Kind.MACRO, source));
        } else if (!value.isEmpty()) {
            tokens.add(new Token(Token.Kind.WORD, value));
        }
        return i;
    }

    private int string(String line, int start, List<Token> tokens) {
        var quote = line.charAt(start);
        var raw = new StringBuilder();
        var i = start + 1;
        while (i < line.length() && line.charAt(i) != quote) {
            var c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                raw.append(line.charAt(i + 1));
                i += 2;
            } else if (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '(') {
                var end = macros.referenceEnd(line, i);
                raw.append(macros.expand(line.substring(i, end)).replace(Preprocessor.UNKNOWN, "?"));
                i = end;
            } else {
                raw.append(c);
                i++;
            }
        }
        tokens.add(new Token(Token.Kind.STRING, raw.toString()));
        return Math.min(i + 1, line.length());
    }

    private static int operator(String line, int start, List<Token> tokens) {
        if (start + 1 < line.length()) {
            var two = line.substring(start, start + 2);
            if (isTwoCharOperator(two)) {
                tokens.add(new Token(Token.Kind.OPERATOR, two));
                return start + 2;
            }
        }
        var one = line.charAt(start);
        if ("!=<>()".indexOf(one) >= 0) {
            tokens.add(new Token(Token.Kind.OPERATOR, String.valueOf(one)));
        }
        return start + 1;
    }

    private static boolean isTwoCharOperator(String two) {
        for (int i = 0; i + 1 < OPERATORS.length(); i += 2) {
            if (OPERATORS.regionMatches(i, two, 0, 2)) {
                return true;
            }
        }
        return false;
    }
}

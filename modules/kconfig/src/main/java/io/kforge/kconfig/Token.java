package io.kforge.kconfig;

/**
 * One token of a Kconfig statement.
 *
 * @param kind what the token is
 * @param text the word, the string's content or the operator; for a macro, its source
 */
record Token(Kind kind, String text) {

    /** The kinds of token. */
    enum Kind {
        /** A keyword or symbol name, after macro expansion. */
        WORD,
        /** A word whose value comes from a tool Kconfig would run ({@code $(cc-option,...)}). */
        MACRO,
        /** A quoted string, after macro expansion. */
        STRING,
        /** An operator or parenthesis. */
        OPERATOR
    }

    /**
     * Tells whether this token is the given word or operator.
     *
     * @param value the text to compare with
     * @return true when the text matches and the token is a word or an operator
     */
    boolean is(String value) {
        return (kind == Kind.WORD || kind == Kind.OPERATOR) && text.equals(value);
    }
}

package io.kforge.core.spi;

/**
 * Signals bad input from the user: a recipe, fragment, profile or option that cannot be used as given.
 *
 * <p>The message names the file and line when there is one ({@code recipe.yaml:4: ...}). The command line exits
 * with 2 and leaves nothing changed.
 */
public class InvalidInputException extends KforgeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception for input that cannot be used.
     *
     * @param message the file and line, when known, and what is wrong there
     */
    public InvalidInputException(String message) {
        super(message);
    }

    /**
     * Creates an exception for input that cannot be used, keeping the parser's failure for diagnostics.
     *
     * @param message the file and line, when known, and what is wrong there
     * @param cause the parser's failure
     */
    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.kforge.core.spi;

/**
 * Signals that a stage could not do what was asked; the message is written for the user and says what to do.
 *
 * <p>The command line prints the message alone (no stack trace) and exits with 1. Problems in what the user gave
 * (a recipe, a fragment, an option) use {@link InvalidInputException} instead, which exits with 2.
 */
public class KforgeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message meant for the user.
     *
     * @param message what went wrong and, where it helps, what to do about it
     */
    public KforgeException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message meant for the user and the failure behind it.
     *
     * @param message what went wrong and, where it helps, what to do about it
     * @param cause the underlying failure, kept for diagnostics
     */
    public KforgeException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.kforge.cli;

/** A command that can print its result, or its error, as one JSON document. */
interface JsonReporting {

    /**
     * Tells whether {@code --json} was given.
     *
     * @return true for JSON output
     */
    boolean json();
}

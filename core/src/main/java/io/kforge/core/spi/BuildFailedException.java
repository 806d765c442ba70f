package io.kforge.core.spi;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Signals a kernel build that ran and failed: the message starts with the first real error (file, line, message)
 * and ends with the tail of the log; the accessors give the same facts to a program.
 */
public class BuildFailedException extends KforgeException {

    private static final long serialVersionUID = 1L;

    private final transient Path log;
    private final transient Path metadata;
    private final int errors;
    private final int warnings;
    private final String firstError;

    /**
     * Creates the failure of a build.
     *
     * @param message the first error, the tail of the log and where the whole log is
     * @param log the whole build log
     * @param metadata the {@code build.json} written for the failed build
     * @param errors how many error lines the log holds
     * @param warnings how many warnings the log holds
     * @param firstError the first error as {@code file:line: message}, or empty when the log names none
     */
    public BuildFailedException(String message, Path log, Path metadata, int errors, int warnings,
                                Optional<String> firstError) {
        super(message);
        this.log = log;
        this.metadata = metadata;
        this.errors = errors;
        this.warnings = warnings;
        this.firstError = firstError.orElse("");
    }

    /**
     * Returns the whole build log.
     *
     * @return the log file
     */
    public Path log() {
        return log;
    }

    /**
     * Returns the {@code build.json} of the failed build.
     *
     * @return the metadata file
     */
    public Path metadata() {
        return metadata;
    }

    /**
     * Returns how many error lines the log holds.
     *
     * @return the error count, at least 1 when the compiler said why
     */
    public int errors() {
        return errors;
    }

    /**
     * Returns how many warnings the log holds.
     *
     * @return the warning count
     */
    public int warnings() {
        return warnings;
    }

    /**
     * Returns the first real error of the build.
     *
     * @return {@code file:line: message}, or empty when the log names no error
     */
    public Optional<String> firstError() {
        return firstError.isEmpty() ? Optional.empty() : Optional.of(firstError);
    }
}

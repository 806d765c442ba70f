package io.kforge.launcher.qemu;

/**
 * One reason why a kernel cannot boot as asked, found before QEMU starts.
 *
 * @param subject what is wrong: a {@code CONFIG_} option or a kernel argument such as {@code console=hvc0}
 * @param message one sentence naming the file and line when known, what is wrong and what to set
 */
record PreflightProblem(String subject, String message) {
}

package io.kforge.launcher.qemu;

import io.kforge.core.spi.ExecResult;
import io.kforge.core.spi.KforgeException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Talks to the shell of kforge's {@code /init} over the serial console: one command at a time, each sent as a
 * line holding a fresh nonce, a time limit and the command line in base64 (so quotes and line breaks are safe),
 * and answered with the output framed by markers that carry the nonce and the exit status.
 *
 * <p>Output is returned as the guest printed it, except carriage returns, which are dropped. Each command runs in
 * a fresh {@code sh -c} with no input. A command that outlives its limit is killed in the guest too, so the shell
 * is free again shortly after the caller gave up on it; its late answer is skipped.
 */
final class ConsoleShell {

    /** What {@code /init} prints once its shell listens. */
    static final String READY = "@@kforge-ready@@\n";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SerialConsole console;
    private Optional<Sent> unanswered = Optional.empty();

    /**
     * Creates a shell on a connected console.
     *
     * @param console the guest's serial console
     */
    ConsoleShell(SerialConsole console) {
        this.console = console;
    }

    /**
     * Waits for {@code /init} to say that its shell listens, dropping everything printed before.
     *
     * @param deadline when to stop waiting
     * @return true once ready; false when the deadline passed or the console ended first
     */
    boolean awaitReady(Instant deadline) {
        return console.await(inbox -> consumeThrough(inbox, READY), deadline).isPresent();
    }

    /**
     * Runs a command and waits for its answer.
     *
     * <p>When an earlier command went unanswered, its answer is awaited (and dropped) first, within the same
     * deadline; if it does not come, the new command is not sent.
     *
     * @param command the shell command line
     * @param limit how long the command may run; the guest kills it after that many seconds (rounded up)
     * @return the answer, or which command went unanswered when the deadline passed or the console ended first
     */
    synchronized Answer exec(String command, Duration limit) {
        var deadline = Instant.now().plus(limit);
        if (unanswered.isPresent()) {
            var earlier = unanswered.get();
            if (console.await(inbox -> frame(inbox, earlier.nonce(), "").map(r -> true), deadline).isEmpty()) {
                return new Answer.Unanswered(earlier.command(), true);
            }
            unanswered = Optional.empty();
        }
        var nonce = send(command, limit);
        var result = console.await(inbox -> frame(inbox, nonce, command), deadline);
        if (result.isEmpty()) {
            unanswered = Optional.of(new Sent(nonce, command));
            return new Answer.Unanswered(command, false);
        }
        return new Answer.Answered(result.get());
    }

    /**
     * Sends a command without waiting for an answer, for commands that end the guest. It does not wait for a
     * running {@link #exec}: the guest reads the line once its shell is free.
     *
     * @param command the shell command line
     * @param limit how long the guest lets it run
     */
    void sendOnly(String command, Duration limit) {
        send(command, limit);
    }

    private String send(String command, Duration limit) {
        var nonce = HexFormat.of().formatHex(nonceBytes());
        long seconds = Math.max(1, (limit.toMillis() + 999) / 1000);
        var payload = Base64.getEncoder().encodeToString(command.getBytes(StandardCharsets.UTF_8));
        console.send(nonce + " " + seconds + " " + payload + "\n");
        return nonce;
    }

    private static byte[] nonceBytes() {
        var bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Finds the answer to the command with this nonce, and consumes the inbox through its end marker. */
    private static Optional<ExecResult> frame(StringBuilder inbox, String nonce, String command) {
        var begin = "@@kforge-begin-" + nonce + "@@\n";
        var end = "\n@@kforge-end-" + nonce + "-";
        int beginAt = inbox.indexOf(begin);
        if (beginAt < 0) {
            return Optional.empty();
        }
        int outputAt = beginAt + begin.length();
        int endAt = inbox.indexOf(end, outputAt);
        if (endAt < 0) {
            return Optional.empty();
        }
        int statusAt = endAt + end.length();
        int closeAt = inbox.indexOf("@@\n", statusAt);
        if (closeAt < 0) {
            return Optional.empty();
        }
        var output = inbox.substring(outputAt, endAt);
        var status = inbox.substring(statusAt, closeAt);
        inbox.delete(0, closeAt + 3);
        if (!status.matches("[0-9]{1,3}")) {
            throw new KforgeException("the guest's answer to '" + command + "' ends with a garbled exit status '"
                    + status + "'");
        }
        return Optional.of(new ExecResult(command, output, Integer.parseInt(status)));
    }

    private static Optional<Boolean> consumeThrough(StringBuilder inbox, String marker) {
        int at = inbox.indexOf(marker);
        if (at < 0) {
            return Optional.empty();
        }
        inbox.delete(0, at + marker.length());
        return Optional.of(true);
    }

    /** What {@link #exec} got. */
    sealed interface Answer {

        /**
         * The command's answer.
         *
         * @param result its output and exit status
         */
        record Answered(ExecResult result) implements Answer {
        }

        /**
         * No answer before the deadline, or the console ended.
         *
         * @param command the command that went unanswered
         * @param earlier true when it is an earlier command that still blocks the shell, so the new one was not sent
         */
        record Unanswered(String command, boolean earlier) implements Answer {
        }
    }

    /** A command sent to the guest, with its nonce. */
    private record Sent(String nonce, String command) {
    }
}

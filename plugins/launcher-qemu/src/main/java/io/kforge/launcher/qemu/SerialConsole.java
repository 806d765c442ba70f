package io.kforge.launcher.qemu;

import io.kforge.core.spi.KforgeException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The guest's first serial port, which QEMU serves on a UNIX socket: every byte received is appended to the
 * console log, and the text, without carriage returns, waits in an inbox for the guest shell to read answers from.
 */
final class SerialConsole implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SerialConsole.class.getName());
    private static final int CHUNK = 8192;
    private static final int RECENT_CHARS = 16_384;

    private final SocketChannel channel;
    private final OutputStream log;
    private final Path logFile;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final StringBuilder inbox = new StringBuilder();
    private final StringBuilder recent = new StringBuilder();
    private final Thread reader;
    private long received;
    private boolean ended;

    private SerialConsole(SocketChannel channel, OutputStream log, Path logFile) {
        this.channel = channel;
        this.log = log;
        this.logFile = logFile;
        this.reader = Thread.ofPlatform().daemon().name("kforge-console-" + logFile.getParent().getFileName())
                .unstarted(this::readAll);
    }

    /**
     * Connects to QEMU's console socket, retrying while QEMU creates it, and starts copying what arrives.
     *
     * @param socket the socket QEMU listens on
     * @param logFile the console log to create
     * @param qemuRuns tells whether QEMU still runs, to stop waiting when it ended
     * @param deadline when to give up
     * @return the connected console
     * @throws KforgeException when QEMU ended or the deadline passed before the socket accepted a connection
     */
    static SerialConsole connect(Path socket, Path logFile, BooleanSupplier qemuRuns, Instant deadline) {
        IOException last = null;
        while (Instant.now().isBefore(deadline) && qemuRuns.getAsBoolean()) {
            if (Files.exists(socket)) {
                try {
                    var channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                    var console = new SerialConsole(channel, Files.newOutputStream(logFile), logFile);
                    console.reader.start();
                    return console;
                } catch (IOException e) {
                    last = e;
                }
            }
            pause(Duration.ofMillis(20));
        }
        var why = qemuRuns.getAsBoolean() ? "did not open within the boot timeout" : "was not opened: QEMU ended";
        throw new KforgeException("the guest console " + socket + " " + why
                + (last == null ? "" : " (" + last.getMessage() + ")"));
    }

    /**
     * Returns the file holding every byte the guest printed.
     *
     * @return the console log
     */
    Path logFile() {
        return logFile;
    }

    /**
     * Sends a line to the guest.
     *
     * @param line the line, with its line feed
     * @throws KforgeException when the console is gone
     */
    void send(String line) {
        var bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new KforgeException("cannot write to the guest console: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until the guest printed anything at all.
     *
     * @param deadline when to stop waiting
     * @return true once a byte arrived; false when the deadline passed or the console ended first
     */
    boolean awaitOutput(Instant deadline) {
        return await(text -> received > 0 ? Optional.of(true) : Optional.empty(), deadline).isPresent();
    }

    /**
     * Waits until a finder recognises something in the inbox.
     *
     * @param finder looks at the inbox, which it may shorten by what it consumed, and says what it found
     * @param deadline when to stop waiting
     * @param <T> what the finder returns
     * @return what it found, or empty when the deadline passed or the console ended first
     */
    <T> Optional<T> await(Function<StringBuilder, Optional<T>> finder, Instant deadline) {
        lock.lock();
        try {
            while (true) {
                var found = finder.apply(inbox);
                if (found.isPresent() || ended) {
                    return found;
                }
                long left = Duration.between(Instant.now(), deadline).toNanos();
                if (left <= 0) {
                    return Optional.empty();
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KforgeException("interrupted while waiting for the guest", e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Tells whether the console ended: QEMU closed it or this side did.
     *
     * @return true once nothing more can arrive
     */
    boolean ended() {
        lock.lock();
        try {
            return ended;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Tells how many bytes the guest printed so far.
     *
     * @return the byte count
     */
    long received() {
        lock.lock();
        try {
            return received;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns the last lines the guest printed, for error messages.
     *
     * @param count how many lines at most
     * @return the lines, oldest first, without empty ones
     */
    List<String> tail(int count) {
        lock.lock();
        try {
            var lines = Arrays.stream(recent.toString().split("\n")).filter(l -> !l.isBlank()).toList();
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } finally {
            lock.unlock();
        }
    }

    /** Disconnects, waits for the copying to end and closes the console log. */
    @Override
    public void close() {
        try {
            channel.close();
            reader.join(Duration.ofSeconds(5));
        } catch (IOException e) {
            throw new KforgeException("cannot close the guest console: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeLog();
        }
    }

    private void readAll() {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        var raw = ByteBuffer.allocate(CHUNK);
        var pending = ByteBuffer.allocate(CHUNK + 8);
        var chars = CharBuffer.allocate(CHUNK + 8);
        try {
            for (int n = channel.read(raw); n >= 0; n = channel.read(raw)) {
                log.write(raw.array(), 0, n);
                log.flush();
                raw.flip();
                pending.put(raw);
                raw.clear();
                decode(decoder, pending, chars, n);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "the guest console {0} ended: {1}", logFile, e.getMessage());
        } finally {
            lock.lock();
            try {
                ended = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            closeLog();
        }
    }

    private void decode(CharsetDecoder decoder, ByteBuffer pending, CharBuffer chars, int bytes) {
        pending.flip();
        decoder.decode(pending, chars, false);
        pending.compact();
        chars.flip();
        lock.lock();
        try {
            while (chars.hasRemaining()) {
                char c = chars.get();
                if (c != '\r') {
                    inbox.append(c);
                    recent.append(c);
                }
            }
            if (recent.length() > 2 * RECENT_CHARS) {
                recent.delete(0, recent.length() - RECENT_CHARS);
            }
            received += bytes;
            changed.signalAll();
        } finally {
            lock.unlock();
            chars.clear();
        }
    }

    private void closeLog() {
        try {
            log.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot close the console log {0}: {1}", logFile, e.getMessage());
        }
    }

    private static void pause(Duration duration) {
        try {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KforgeException("interrupted while connecting to the guest console", e);
        }
    }
}

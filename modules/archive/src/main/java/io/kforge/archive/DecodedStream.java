package io.kforge.archive;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The tar bytes of an archive, decompressed by a background thread while the caller's thread reads them.
 *
 * <p>The producer hands over chunks through a small bounded queue, so decompression and file writing overlap the
 * way {@code xz -d | tar -x} does, and memory stays bounded: arrays the reader is done with go back to the producer,
 * so a big archive reuses a few of them instead of allocating (and zeroing) its whole size. Each chunk carries how
 * far into the compressed file it reaches, which is what progress reports. A failure of the producer comes out of
 * {@link #read} as an {@link IOException}; {@link #close} stops the producer and waits until it has let go of the
 * file.
 */
final class DecodedStream extends InputStream {

    /** Fills the stream: puts chunks in order until the input ends. */
    @FunctionalInterface
    interface Producer {

        /**
         * Decodes the whole input.
         *
         * @param sink where the chunks go, in order
         * @throws IOException when the input cannot be read or is corrupt
         * @throws InterruptedException when the reader closed the stream early
         */
        void produce(Sink sink) throws IOException, InterruptedException;
    }

    /** Takes the producer's chunks and lends it arrays the reader is done with. */
    interface Sink {

        /**
         * Returns an array to decode into: one the reader has finished with, or a new one.
         *
         * @param size the least length it needs; may be called from any thread
         * @return the array
         */
        byte[] buffer(int size);

        /**
         * Hands over a chunk; blocks while the reader is behind.
         *
         * @param data the bytes; the producer must not touch the array afterwards
         * @param length how many bytes of {@code data} count
         * @param compressedPosition how many bytes of the archive file this chunk reaches
         * @throws InterruptedException when the reader closed the stream
         */
        void put(byte[] data, int length, long compressedPosition) throws InterruptedException;
    }

    /** Chunk size of the sequential producer: big enough that most kernel files need one copy. */
    static final int CHUNK = 1 << 20;

    private record Chunk(byte[] data, int length, long compressedPosition) {
    }

    private static final Chunk END = new Chunk(new byte[0], 0, -1);

    private final BlockingQueue<Chunk> queue;
    private final Queue<byte[]> spare = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile Throwable failure;
    private Chunk current = new Chunk(new byte[0], 0, 0);
    private int offset;
    private boolean ended;

    private DecodedStream(String name, int capacity, Producer producer) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = Thread.ofPlatform().daemon().name(name).unstarted(() -> run(producer));
    }

    /**
     * Starts a producer thread and returns the stream it fills.
     *
     * @param name the thread's name
     * @param capacity how many chunks may wait in the queue
     * @param producer what decodes the input
     * @return the stream, already filling
     */
    static DecodedStream start(String name, int capacity, Producer producer) {
        var stream = new DecodedStream(name, capacity, producer);
        stream.thread.start();
        return stream;
    }

    /**
     * Returns a producer that decompresses a whole file in one sequence of {@link #CHUNK}-sized chunks.
     *
     * @param file the archive file
     * @param compression how it is compressed
     * @return the producer
     */
    static Producer sequential(Path file, Compression compression) {
        return sink -> {
            try (var raw = new Counting(Files.newInputStream(file));
                 var decoded = compression.decode(new BufferedInputStream(raw, CHUNK))) {
                while (true) {
                    var chunk = sink.buffer(CHUNK);
                    var length = decoded.readNBytes(chunk, 0, CHUNK);
                    if (length > 0) {
                        sink.put(chunk, length, raw.count);
                    }
                    if (length < CHUNK) {
                        return;
                    }
                }
            }
        };
    }

    private void run(Producer producer) {
        try {
            producer.produce(new Sink() {
                @Override
                public byte[] buffer(int size) {
                    for (var array = spare.poll(); array != null; array = spare.poll()) {
                        if (array.length >= size) {
                            return array;
                        }
                    }
                    return new byte[size];
                }

                @Override
                public void put(byte[] data, int length, long position) throws InterruptedException {
                    queue.put(new Chunk(data, length, position));
                }
            });
        } catch (InterruptedException e) {
            return;
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        }
        try {
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Returns how many bytes of the compressed file the bytes read so far come from, chunk by chunk.
     *
     * @return a position in the archive file
     */
    long compressedPosition() {
        return current.compressedPosition();
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return current.data()[offset++] & 0xFF;
    }

    @Override
    public int read(byte[] target, int from, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        var count = Math.min(length, current.length() - offset);
        System.arraycopy(current.data(), offset, target, from, count);
        offset += count;
        return count;
    }

    @Override
    public long skip(long count) throws IOException {
        if (count <= 0 || !fill()) {
            return 0;
        }
        var skipped = (int) Math.min(count, current.length() - offset);
        offset += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return current.length() - offset;
    }

    private boolean fill() throws IOException {
        while (offset == current.length()) {
            if (ended) {
                return false;
            }
            Chunk next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while unpacking");
            }
            if (next == END) {
                ended = true;
                if (failure != null) {
                    throw failure instanceof IOException io ? new IOException(io.getMessage(), io)
                            : new IOException(String.valueOf(failure), failure);
                }
                return false;
            }
            if (current.length() > 0) {
                spare.add(current.data());
            }
            current = next;
            offset = 0;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        queue.clear();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while stopping the decompression thread");
        }
    }

    /** Counts the bytes read from the archive file. */
    private static final class Counting extends FilterInputStream {

        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            var b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] target, int from, int length) throws IOException {
            var n = in.read(target, from, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            var skipped = in.skip(n);
            count += skipped;
            return skipped;
        }
    }
}

package io.kforge.archive;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.SeekableFileInputStream;
import org.tukaani.xz.SeekableXZInputStream;

/**
 * Decodes the blocks of a multi-block {@code .xz} file on several threads and hands them over in order.
 *
 * <p>{@code xz -T} and {@code pixz} write files of independent blocks (Debian's {@code linux-source} tarball has 62
 * blocks of 24 MiB); each block is decoded on its own, a few ahead of the reader, and checked against its CRC as
 * it ends. Memory use is about {@code (decoders + 3)} blocks, so this is used only when blocks are small enough.
 */
final class XzBlocks implements DecodedStream.Producer {

    /** Blocks larger than this are decoded as one stream instead. */
    static final long MAX_BLOCK = 64L << 20;

    private final File file;
    private final int decoders;
    private final long[] sizes;
    private final long[] compressedEnds;

    private XzBlocks(File file, int decoders, long[] sizes, long[] compressedEnds) {
        this.file = file;
        this.decoders = decoders;
        this.sizes = sizes;
        this.compressedEnds = compressedEnds;
    }

    /**
     * Reads the index of an {@code .xz} file and returns a parallel decoder when it pays off.
     *
     * @param file the {@code .xz} file
     * @param decoders how many threads may decode at once
     * @return the decoder, or empty when the file has one block, huge blocks, or there is one thread only
     * @throws IOException when the file is not a valid {@code .xz} file
     */
    static Optional<XzBlocks> open(File file, int decoders) throws IOException {
        if (decoders < 2) {
            return Optional.empty();
        }
        try (var xz = new SeekableXZInputStream(new SeekableFileInputStream(file))) {
            var blocks = xz.getBlockCount();
            var largest = xz.getLargestBlockSize();
            var memoryNeeded = (decoders + 3) * largest;
            if (blocks < 2 || largest > MAX_BLOCK || memoryNeeded > Runtime.getRuntime().maxMemory() / 2) {
                return Optional.empty();
            }
            var sizes = new long[blocks];
            var ends = new long[blocks];
            for (var block = 0; block < blocks; block++) {
                sizes[block] = xz.getBlockSize(block);
                ends[block] = xz.getBlockCompPos(block) + xz.getBlockCompSize(block);
            }
            return Optional.of(new XzBlocks(file, Math.min(decoders, blocks), sizes, ends));
        }
    }

    @Override
    public void produce(DecodedStream.Sink sink) throws IOException, InterruptedException {
        var pool = Executors.newFixedThreadPool(decoders,
                Thread.ofPlatform().daemon().name("kforge-xz-block-", 1).factory());
        try {
            var pending = new ArrayDeque<Future<byte[]>>();
            var next = 0;
            for (var block = 0; block < sizes.length; block++) {
                while (next < sizes.length && pending.size() < decoders) {
                    var index = next++;
                    pending.add(pool.submit(() -> decode(index, sink.buffer(Math.toIntExact(sizes[index])))));
                }
                var data = await(pending.remove());
                sink.put(data, Math.toIntExact(sizes[block]), compressedEnds[block]);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private static byte[] await(Future<byte[]> decoded) throws IOException, InterruptedException {
        try {
            return decoded.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().toString(), e.getCause());
        }
    }

    private byte[] decode(int block, byte[] data) throws IOException {
        try (var xz = new SeekableXZInputStream(new SeekableFileInputStream(file), -1, true,
                BasicArrayCache.getInstance())) {
            xz.seekToBlock(block);
            var size = Math.toIntExact(sizes[block]);
            var done = 0;
            while (done < size) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("decoding stopped");
                }
                var read = xz.read(data, done, Math.min(DecodedStream.CHUNK, size - done));
                if (read < 0) {
                    throw new IOException("block " + block + " of " + file + " ends early");
                }
                done += read;
            }
            return data;
        }
    }
}

package org.hoptrace.calls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reading and storing a batch side by side: one thread reads, checks and encodes the rows into COPY chunks
 * ({@link CopyRows}), the caller's thread (the one holding the database transaction) takes the chunks and
 * sends them. At most {@link #BUFFERS} chunks exist at any time, so memory stays flat; when the database is
 * slower, the reader waits, and the other way round.
 */
final class RowPipeline implements CopyRows.Chunks, AutoCloseable {

    static final int BUFFERS = 4;

    /** What the reading thread does: writes rows to {@code rows}; its result is taken by {@link #finish()}. */
    interface Reading<T> {
        T read(CopyRows rows) throws IOException;
    }

    record Chunk(byte[] bytes, int length) {
    }

    private static final Chunk END = new Chunk(new byte[0], 0);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    private final Thread thread;
    private int allocated;
    private volatile boolean cancelled;
    private Object result;
    private Throwable failure;

    private <T> RowPipeline(Reading<T> reading) {
        this.thread = new Thread(() -> {
            try {
                CopyRows rows = new CopyRows(this);
                T read = reading.read(rows);
                rows.finish();
                result = read;
            } catch (Throwable t) {
                failure = t;
            } finally {
                try {
                    full.put(END);
                } catch (InterruptedException e) {
                    // cancelled: nobody takes chunks any more
                }
            }
        }, "call-reader-" + THREADS.incrementAndGet());
        this.thread.setDaemon(true);
    }

    static <T> RowPipeline start(Reading<T> reading) {
        RowPipeline pipeline = new RowPipeline(reading);
        pipeline.thread.start();
        return pipeline;
    }

    // --- the reading thread's side

    @Override
    public void full(byte[] bytes, int length) throws IOException {
        try {
            if (cancelled) {
                throw new InterruptedIOException("the batch was abandoned");
            }
            full.put(new Chunk(bytes, length));
        } catch (InterruptedException e) {
            throw new InterruptedIOException("the batch was abandoned");
        }
    }

    @Override
    public byte[] next() throws IOException {
        byte[] bytes = free.poll();
        if (bytes != null) {
            return bytes;
        }
        if (allocated < BUFFERS) {
            allocated++;
            return new byte[CopyRows.CHUNK];
        }
        try {
            return free.take();
        } catch (InterruptedException e) {
            throw new InterruptedIOException("the batch was abandoned");
        }
    }

    // --- the storing thread's side

    /** The next chunk to send, or null when the reader is done (then call {@link #finish()}). */
    Chunk take() {
        try {
            Chunk chunk = full.take();
            return chunk == END ? null : chunk;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading calls", e);
        }
    }

    /** Gives a sent chunk back for reuse. */
    void release(Chunk chunk) {
        free.offer(chunk.bytes());
    }

    /** After {@link #take()} gave null: what the reading returned, or its failure rethrown as it was. */
    @SuppressWarnings("unchecked")
    <T> T finish() throws IOException {
        join();
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new UncheckedIOException(new IOException(failure));
        }
        return (T) result;
    }

    /** Stops the reader if it still runs (the batch failed on the storing side) and waits for it. */
    @Override
    public void close() {
        if (thread.isAlive()) {
            cancelled = true;
            thread.interrupt();
            full.clear();
        }
        join();
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading calls", e);
        }
    }
}

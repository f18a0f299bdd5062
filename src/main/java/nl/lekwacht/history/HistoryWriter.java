package nl.lekwacht.history;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes learned messages to the store in batches: what queued up while one batch was written goes
 * in the next, one transaction each, so a busy gateway writes once per batch rather than once per
 * message. A drain first lingers a moment (see {@link #lingering}) so that a gateway with a single
 * sending session, whose messages come one at a time, still writes several per commit. At most one
 * drain runs on the executor at a time. When the queue is full (the store far behind), the caller
 * writes its message itself, so senders wait instead of memory growing.
 *
 * <p>Thread-safe. With a synchronous executor ({@code Runnable::run}) every message is written
 * before {@link #add} returns.
 */
final class HistoryWriter {

    private static final Logger log = LoggerFactory.getLogger(HistoryWriter.class);

    /** Messages per transaction at most: bounds how long row locks are held. */
    static final int BATCH = 500;

    private final HistoryStore store;
    private final Executor writes;
    private final BlockingQueue<LearnedMessage> pending;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Runnable linger;

    /** A writer that writes at once what is queued (no lingering): for synchronous executors. */
    HistoryWriter(HistoryStore store, Executor writes, int capacity) {
        this(store, writes, capacity, () -> { });
    }

    /**
     * @param writes   runs the drains
     * @param capacity messages that may wait before callers write their own
     * @param linger   runs at the start of each drain, on the writer's thread, before it takes the queue:
     *                 what arrives meanwhile joins the batch (see {@link #lingering})
     */
    HistoryWriter(HistoryStore store, Executor writes, int capacity, Runnable linger) {
        this.store = store;
        this.writes = writes;
        this.pending = new ArrayBlockingQueue<>(capacity);
        this.linger = linger;
    }

    /**
     * Waits {@code pause} on the writer's thread. Nothing waits for the store's copy (the cached
     * snapshots learn at once, the client's reply never waits for history), so only how much a crash
     * loses grows: the messages of one batch, now also those of the pause. Shutdown still writes all.
     */
    static Runnable lingering(Duration pause) {
        long nanos = pause.toNanos();
        return () -> {
            long until = System.nanoTime() + nanos;
            for (long left = nanos; left > 0 && !Thread.currentThread().isInterrupted();
                 left = until - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        };
    }

    /** Queues a message for the store; a store failure is logged, never thrown. */
    void add(LearnedMessage message) {
        if (!pending.offer(message)) {
            write(List.of(message));
            return;
        }
        if (draining.compareAndSet(false, true)) {
            try {
                writes.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // on the caller's thread: a sender never lingers
                draining.set(false);
                drainQueued();
            }
        }
    }

    private void drain() {
        linger.run();
        drainQueued();
    }

    private void drainQueued() {
        List<LearnedMessage> batch = new ArrayList<>(BATCH);
        do {
            while (pending.drainTo(batch, BATCH) > 0) {
                write(batch);
                batch.clear();
            }
            draining.set(false);
            // a message queued after the last drainTo but before the flag fell found it set: take it too
        } while (!pending.isEmpty() && draining.compareAndSet(false, true));
    }

    private void write(List<LearnedMessage> batch) {
        try {
            store.recordAll(batch);
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                failed(batch.get(0), e);
                return;
            }
            // one bad message must not cost the others: write them one by one
            for (LearnedMessage message : batch) {
                try {
                    store.record(message);
                } catch (RuntimeException each) {
                    failed(message, each);
                }
            }
        }
    }

    private static void failed(LearnedMessage message, RuntimeException e) {
        log.warn("could not store what was learned from a message of {}: {}",
                message.sender().substring(message.sender().indexOf('@') + 1), e.toString());
    }
}

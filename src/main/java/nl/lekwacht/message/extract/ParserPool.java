package nl.lekwacht.message.extract;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed number of warm parser processes. They start with {@link #fill()} or at the first borrow. A
 * message borrows one, and gives it back afterwards; a process that was killed, died or served its share
 * is stopped and replaced at once by a new one, which loads its parsers while it waits in the pool, so
 * ordinary mail never waits for a JVM to start.
 *
 * <p>Thread-safe.
 */
final class ParserPool implements AutoCloseable {

    /** Starts a parser process; a seam for tests. */
    @FunctionalInterface
    interface Launcher {
        /** @param warmUp let it parse samples first: when no message is waiting for this process */
        ParserProcess start(boolean warmUp) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ParserPool.class);

    private final Launcher launcher;
    private final int size;
    private final int recycleAfter;
    private final BlockingQueue<ParserProcess> idle = new LinkedBlockingQueue<>();
    private final Set<ParserProcess> all = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closed;

    ParserPool(Launcher launcher, int size, int recycleAfter) {
        this.launcher = launcher;
        this.size = size;
        this.recycleAfter = recycleAfter;
    }

    /** Starts processes until the pool is full; they warm up in the background. */
    synchronized void fill() {
        fill(false);
    }

    /** @param demand a message is waiting: the first process skips its warm-up, to serve it sooner */
    private synchronized void fill(boolean demand) {
        boolean warmUp = !demand;
        while (!closed && all.size() < size) {
            if (!refill(warmUp)) {
                return;
            }
            warmUp = true;
        }
    }

    /** @return a process, or null when none came free within {@code wait} or the pool is closed */
    ParserProcess borrow(Duration wait) throws InterruptedException {
        if (closed) {
            return null;
        }
        if (all.size() < size) {
            fill(idle.isEmpty());
        }
        return idle.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Returns a borrowed process; one that cannot serve again is replaced. */
    void giveBack(ParserProcess process) {
        if (!closed && process.reusable(recycleAfter)) {
            idle.add(process);
            return;
        }
        replace(process);
    }

    private void replace(ParserProcess process) {
        all.remove(process);
        process.stop(process.reusable(Integer.MAX_VALUE));
        if (closed) {
            return;
        }
        refill(true);
    }

    /** @return false when a process could not be started */
    private synchronized boolean refill(boolean warmUp) {
        if (closed || all.size() >= size) {
            return true;
        }
        try {
            add(warmUp);
            return true;
        } catch (IOException e) {
            // the pool is one short; the next borrow tries again. Messages still get an answer (a timeout
            // problem) when no process is left.
            LOG.error("could not start a parser process: {}", e.toString());
            return false;
        }
    }

    private void add(boolean warmUp) throws IOException {
        ParserProcess process = launcher.start(warmUp);
        started.incrementAndGet();
        all.add(process);
        idle.add(process);
    }

    /** How many processes this pool started in its life (replacements included), closed or not. */
    int started() {
        return started.get();
    }

    /** Process ids of the pool's processes, for tests and diagnostics. */
    List<Long> processIds() {
        List<Long> ids = new ArrayList<>();
        all.forEach(p -> ids.add(p.pid()));
        return ids;
    }

    @Override
    public synchronized void close() {
        closed = true;
        List<ParserProcess> processes = List.copyOf(all);
        processes.forEach(ParserProcess::endInput);
        for (ParserProcess process : processes) {
            process.stop(true);
            all.remove(process);
        }
        idle.clear();
    }
}

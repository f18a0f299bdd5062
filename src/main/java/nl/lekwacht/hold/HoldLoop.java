package nl.lekwacht.hold;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one background loop of the hold side: every {@code interval}, and at once when woken (a new
 * hold, a decision), it expires due holds, erases old content and works the delivery queue. Runs are
 * never concurrent within an instance; across instances the store's leases and atomic decisions keep
 * them apart.
 */
final class HoldLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HoldLoop.class);

    private final ScheduledExecutorService executor;
    private final Duration interval;
    private volatile List<Runnable> tasks = List.of();

    /**
     * @param executor runs the rounds, one at a time: a single-thread scheduler in production, one the
     *                 test runs by hand in tests; closed with the loop
     */
    HoldLoop(Duration interval, ScheduledExecutorService executor) {
        this.interval = interval;
        this.executor = executor;
    }

    /** Starts running {@code tasks}, in order, every interval. */
    void start(List<Runnable> tasks) {
        this.tasks = List.copyOf(tasks);
        executor.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks for a run as soon as possible (returns at once). */
    void wake() {
        if (!executor.isShutdown()) {
            try {
                executor.execute(this::runOnce);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closing
            }
        }
    }

    private void runOnce() {
        for (Runnable task : tasks) {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("hold background task failed (will retry): {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

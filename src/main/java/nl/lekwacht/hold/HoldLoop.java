package nl.lekwacht.hold;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one background thread of the hold side: every {@code interval}, and at once when woken (a new
 * hold, a decision), it expires due holds, erases old content and works the delivery queue. Runs are
 * never concurrent within an instance; across instances the store's leases and atomic decisions keep
 * them apart.
 */
public final class HoldLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HoldLoop.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lekwacht-hold-loop");
        t.setDaemon(true);
        return t;
    });
    private final Duration interval;
    private volatile List<Runnable> tasks = List.of();

    public HoldLoop(Duration interval) {
        this.interval = interval;
    }

    /** Starts running {@code tasks}, in order, every interval. */
    public void start(List<Runnable> tasks) {
        this.tasks = List.copyOf(tasks);
        executor.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks for a run as soon as possible (returns at once). */
    public void wake() {
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

package nl.lekwacht;

import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.history.HistoryService;
import nl.lekwacht.smtp.DeliveryObserver;
import nl.lekwacht.store.Database;
import nl.lekwacht.store.history.JdbcHistoryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Correspondence history as the gateway runs it: learning from delivered mail without making the
 * client wait for a database commit, and forgetting what is past {@code history.retention} daily.
 */
final class HistoryWiring implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HistoryWiring.class);
    private static final int WRITE_QUEUE = 10_000;

    private final HistoryService service;
    private final ThreadPoolExecutor writer;
    private final ScheduledExecutorService housekeeping;
    private final Clock clock;

    HistoryWiring(LekwachtConfig config, Database database, Gateway.Time time) {
        this.clock = time.clock();
        // one writer keeps the store's rows uncontended; when it falls behind, senders wait (back-pressure)
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(WRITE_QUEUE),
                r -> daemon(r, "lekwacht-history-writer"), new ThreadPoolExecutor.CallerRunsPolicy());
        this.service = new HistoryService(new JdbcHistoryStore(database.dataSource()), config.history(),
                config.organisation(), clock, time.ticker(), time.refresher(),
                time.historyWrites() == null ? writer : time.historyWrites());
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "lekwacht-history-purge"));
    }

    HistoryService service() {
        return service;
    }

    /** Learns from every delivered message; the next hop accepted exactly the envelope's recipients. */
    DeliveryObserver learner() {
        return (screened, reply) -> service.learn(screened.message().envelope(), screened.message().headers(),
                clock.instant());
    }

    void start() {
        housekeeping.scheduleWithFixedDelay(() -> {
            try {
                int removed = service.purgeExpired();
                log.info("history: forgot {} correspondent row(s) past retention", removed);
            } catch (RuntimeException e) {
                log.warn("history purge failed: {}", e.toString());
            }
        }, 1, 24, TimeUnit.HOURS);
    }

    /** Stops purging and writes what is still queued before the store closes. */
    @Override
    public void close() {
        housekeeping.shutdownNow();
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("history: {} learned message(s) not written at shutdown", writer.getQueue().size());
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}

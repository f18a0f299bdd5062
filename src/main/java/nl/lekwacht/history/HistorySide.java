package nl.lekwacht.history;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.message.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history package's entry: correspondence history as the gateway runs it, learning from delivered
 * mail without making the client wait for a database commit (one writer; when it falls behind,
 * senders wait), and forgetting what is past {@code history.retention} daily.
 */
public final class HistorySide implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HistorySide.class);

    /**
     * How long the writer waits for more learned messages before a commit: with one sending session
     * (a message every few milliseconds) a batch would otherwise hold one message, and the store's
     * commit is most of the writer's cost. A crash loses at most this much more of what was learned.
     */
    static final Duration WRITE_LINGER = Duration.ofMillis(50);

    private final HistoryService service;
    private final ExecutorService writer;
    private final ScheduledExecutorService housekeeping;

    private HistorySide(HistoryService service, ExecutorService writer, ScheduledExecutorService housekeeping) {
        this.service = service;
        this.writer = writer;
        this.housekeeping = housekeeping;
    }

    /**
     * @param ticker       ages the caches
     * @param refresher    refreshes the caches
     * @param writer       writes learned messages, a batch at a time; drained and closed with this side
     * @param housekeeping runs the daily purge; closed with this side
     */
    public static HistorySide build(LekwachtConfig config, HistoryStore store, Clock clock, Ticker ticker,
                                    Executor refresher, ExecutorService writer,
                                    ScheduledExecutorService housekeeping) {
        return new HistorySide(new HistoryService(store, config.history(), config.organisation(), clock, ticker,
                refresher, writer, WRITE_LINGER), writer, housekeeping);
    }

    /** What the recipient detectors read. */
    public HistoryView view() {
        return service;
    }

    /** Learns from a delivered message; the next hop accepted exactly the envelope's recipients. */
    public void learn(OutboundMessage message, Instant deliveredAt) {
        service.learn(message.envelope(), message.headers(), deliveredAt);
    }

    /**
     * Takes back what was learned from a message that reached the wrong people (see
     * {@link HistoryService#unlearn}).
     */
    public void unlearn(String sender, String messageId) {
        service.unlearn(sender, messageId);
    }

    /** Starts the daily purge. */
    public void start() {
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
                log.warn("history: {} learned message(s) not written at shutdown", writer.shutdownNow().size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

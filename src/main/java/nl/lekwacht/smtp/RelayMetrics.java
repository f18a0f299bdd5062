package nl.lekwacht.smtp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The relay's Prometheus metrics. Thread-safe. */
public final class RelayMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger activeSessions = new AtomicInteger();
    private final Counter nextHopOpened;
    private final Counter nextHopReused;
    private final Counter nextHopFailed;
    private final Counter nextHopReopened;
    private final DistributionSummary messageBytes;
    private final Timer processing;
    private final Timer inspection;

    /**
     * Histogram buckets of both timers: from 1 ms, so the few milliseconds clean mail takes (the
     * latency an MTA adds by using us) are visible, up to the 30 s no inspection should come near.
     */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    public RelayMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("lekwacht_smtp_sessions_active", activeSessions);
        this.nextHopOpened = Counter.builder("lekwacht_nexthop_connections_opened")
                .description("connections opened to the next hop").register(registry);
        this.nextHopReused = Counter.builder("lekwacht_nexthop_connections_reused")
                .description("transactions that reused an open next-hop connection after RSET").register(registry);
        this.nextHopFailed = Counter.builder("lekwacht_nexthop_connect_failures")
                .description("failed attempts to connect to the next hop").register(registry);
        this.nextHopReopened = Counter.builder("lekwacht_nexthop_transactions_reopened")
                .description("transactions opened again on a fresh connection because the next hop had closed "
                        + "the idle one before DATA").register(registry);
        this.messageBytes = DistributionSummary.builder("lekwacht_message_bytes").baseUnit("bytes")
                .description("size of received messages").register(registry);
        this.processing = Timer.builder("lekwacht_message_processing")
                .description("end of data to final reply: inspection plus next-hop DATA")
                .serviceLevelObjectives(BUCKETS).register(registry);
        this.inspection = Timer.builder("lekwacht_message_inspection")
                .description("end of data to the verdict: parsing, attachment text, detectors and policy")
                .serviceLevelObjectives(BUCKETS).register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    void sessionStarted() {
        activeSessions.incrementAndGet();
    }

    void sessionEnded() {
        activeSessions.decrementAndGet();
    }

    void nextHopConnectionOpened() {
        nextHopOpened.increment();
    }

    void nextHopConnectionReused() {
        nextHopReused.increment();
    }

    void nextHopReopened() {
        nextHopReopened.increment();
    }

    void nextHopConnectFailed() {
        nextHopFailed.increment();
    }

    void message(String verdict, long bytes, Duration took) {
        registry.counter("lekwacht_messages", "verdict", verdict).increment();
        messageBytes.record(bytes);
        processing.record(took);
    }

    /** The screening of one message (parse, inspect, decide) took {@code took}. */
    void inspected(Duration took) {
        inspection.record(took);
    }

    void reply(int code) {
        registry.counter("lekwacht_smtp_replies", "code", Integer.toString(code)).increment();
    }

    public double nextHopConnectionsOpened() {
        return nextHopOpened.count();
    }

    public double nextHopConnectionsReused() {
        return nextHopReused.count();
    }
}

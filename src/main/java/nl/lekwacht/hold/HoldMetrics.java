package nl.lekwacht.hold;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** Holds pending (read from the store, so every instance reports the shared number), actions by type, time to decision. */
final class HoldMetrics {

    private final MeterRegistry registry;
    private final Timer decision;

    public HoldMetrics(MeterRegistry registry, HoldStore store) {
        this.registry = registry;
        Gauge.builder("lekwacht.holds.pending", store, s -> s.countPending())
                .description("held messages waiting for a decision").register(registry);
        Counter.builder("lekwacht.hold.content.unreadable")
                .description("holds whose content could not be opened with the configured keys (never sent)")
                .register(registry);
        for (String kind : new String[] {"reminder", "escalation"}) {
            followUps(kind);
        }
        this.decision = Timer.builder("lekwacht.hold.decision.time")
                .description("from hold to the sender's (or an admin's) decision, or expiry").register(registry);
    }

    void held() {
        counter("hold").increment();
    }

    void decided(String action, Duration sinceHeld) {
        counter(action).increment();
        decision.record(sinceHeld);
    }

    /** A reminder to the sender or an escalation to the delegate was queued. */
    void followUp(String kind) {
        followUps(kind).increment();
    }

    private Counter followUps(String kind) {
        return Counter.builder("lekwacht.hold.follow.ups").tag("kind", kind)
                .description("reminders to senders and escalations to delegates of undecided holds").register(registry);
    }

    void unreadable() {
        Counter.builder("lekwacht.hold.content.unreadable")
                .description("holds whose content could not be opened with the configured keys (never sent)")
                .register(registry).increment();
    }

    void delivery(String outcome) {
        Counter.builder("lekwacht.hold.deliveries").tag("outcome", outcome).register(registry).increment();
    }

    private Counter counter(String action) {
        return Counter.builder("lekwacht.hold.actions").tag("action", action)
                .description("holds made and decisions taken, by type").register(registry);
    }
}

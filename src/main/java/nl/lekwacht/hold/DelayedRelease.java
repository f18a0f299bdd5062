package nl.lekwacht.hold;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a delayed message leave once its delay is over and nobody stopped or fixed it: decided as
 * {@code delay-elapsed} by the system and queued for release, like a message the policy allows (no
 * override, no incident); its link keeps working and shows that it was sent. Safe on every instance:
 * the store's atomic decision lets one of them release it.
 */
final class DelayedRelease {

    /** The decision recorded when a delayed message leaves by itself. */
    static final String ELAPSED = "delay-elapsed";

    private static final Logger log = LoggerFactory.getLogger(DelayedRelease.class);

    private final HoldStore store;
    private final HoldMetrics metrics;
    private final Runnable wake;
    private final Clock clock;
    private final NearMisses nearMisses;

    DelayedRelease(HoldStore store, HoldMetrics metrics, Runnable wake, Clock clock, NearMisses nearMisses) {
        this.nearMisses = nearMisses;
        this.store = store;
        this.metrics = metrics;
        this.wake = wake;
        this.clock = clock;
    }

    /** Releases every delayed message whose time has come; returns how many. */
    int releaseDue() {
        Instant now = clock.instant();
        int released = 0;
        for (String id : store.expiredPending(now, 100)) {
            Optional<HeldMessage> found = store.byId(id);
            if (found.isEmpty() || !found.get().details().delayed()) {
                continue;
            }
            HeldMessage hold = found.get();
            HoldStore.NewJob job = new HoldStore.NewJob(new DeliveryJob(UUID.randomUUID().toString(),
                    DeliveryJob.Kind.RELEASE, id, id, DeliveryJob.NO_REWRITE, hold.sender(), hold.recipients(), 0, now),
                    now, null);
            List<AuditEvent> events = List.of(new AuditEvent(id, now, "system", AuditEvent.DECIDED,
                    "action=" + ELAPSED + "; nobody stopped it: sent as the policy allows"));
            if (store.decide(new HoldStore.Decision(id, HoldStatus.RELEASED, now, "system", ELAPSED, null)
                    .leaving(nearMisses.ended(hold, HoldStatus.RELEASED, ELAPSED)), events,
                    List.of(job))) {
                metrics.decided(ELAPSED, Duration.between(hold.createdAt(), now));
                log.info("hold={} delay over: released", id);
                released++;
            }
        }
        if (released > 0) {
            wake.run();
        }
        return released;
    }
}

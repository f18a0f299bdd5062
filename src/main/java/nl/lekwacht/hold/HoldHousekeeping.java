package nl.lekwacht.hold;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hold loop's chores: expires what nobody decided on (not sent, the sender told), erases the
 * content of decided holds after the grace period, and deletes holds and their audit trail after
 * {@code hold.retention}. Safe to run on every instance.
 */
final class HoldHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(HoldHousekeeping.class);

    private final HoldStore store;
    private final HoldAudit audit;
    private final Notices notices;
    private final NoticeJobs jobs;
    private final HoldMetrics metrics;
    private final Runnable wake;
    private final Clock clock;
    private final Duration contentGrace;
    private final Duration retention;
    private final NearMisses nearMisses;

    HoldHousekeeping(HoldStore store, HoldAudit audit, Notices notices, NoticeJobs jobs, HoldMetrics metrics, Runnable wake,
                     Clock clock, Duration contentGrace, Duration retention, NearMisses nearMisses) {
        this.nearMisses = nearMisses;
        this.store = store;
        this.audit = audit;
        this.notices = notices;
        this.jobs = jobs;
        this.metrics = metrics;
        this.wake = wake;
        this.clock = clock;
        this.contentGrace = contentGrace;
        this.retention = retention;
    }

    /** Expires pending holds past their time: not sent, the sender told (and the delegate, once asked). */
    int expireDue() {
        Instant now = clock.instant();
        int expired = 0;
        for (String id : store.expiredPending(now, 100)) {
            Optional<HeldMessage> hold = store.byId(id);
            if (hold.isEmpty() || hold.get().details().delayed()) {
                continue; // a delayed message leaves at its time instead (DelayedRelease)
            }
            try {
                HeldMessage expiring = hold.get();
                List<HoldStore.NewJob> queued = new java.util.ArrayList<>();
                List<AuditEvent> events = new java.util.ArrayList<>();
                queued.add(jobs.notice(expiring, notices.expired(expiring), now));
                events.add(new AuditEvent(id, now, "system", AuditEvent.EXPIRED, "not sent; sender told"));
                events.add(new AuditEvent(id, now, "system", AuditEvent.NOTIFICATION_QUEUED,
                        "expiry notice to=" + String.join(",", expiring.details().notifyTo())));
                Optional<String> delegate = expiring.followUp().escalatedAt().flatMap(at -> expiring.followUp().delegate());
                if (delegate.isPresent()) {
                    queued.add(jobs.notice(expiring, notices.expiredToDelegate(expiring, delegate.get()),
                            List.of(delegate.get()), now));
                    events.add(new AuditEvent(id, now, "system", AuditEvent.NOTIFICATION_QUEUED,
                            "expiry notice to delegate=" + delegate.get()));
                }
                if (store.decide(new HoldStore.Decision(id, HoldStatus.EXPIRED, now, "system", "expired", null)
                        .leaving(nearMisses.ended(expiring, HoldStatus.EXPIRED, "expired")),
                        events, queued)) {
                    metrics.decided("expired", Duration.between(hold.get().createdAt(), now));
                    log.info("hold={} expired", id);
                    expired++;
                }
            } catch (IOException e) {
                log.error("hold={} could not build the expiry notice: {}", id, e.toString(), e);
            }
        }
        if (expired > 0) {
            wake.run();
        }
        return expired;
    }

    /** Erases the content of holds decided more than the grace period ago (their release done). */
    int purgeContent() {
        Instant now = clock.instant();
        List<String> purged = store.purgeContent(now.minus(contentGrace), now);
        for (String id : purged) {
            audit.audit(new AuditEvent(id, now, "system", AuditEvent.CONTENT_DELETED, "content erased after grace"));
        }
        return purged.size();
    }

    /** Deletes decided holds received more than {@code hold.retention} ago, with their audit trail. */
    int forgetOld() {
        int forgotten = store.forget(clock.instant().minus(retention));
        if (forgotten > 0) {
            log.info("deleted {} hold(s) and their audit trail past hold.retention", forgotten);
        }
        return forgotten;
    }
}

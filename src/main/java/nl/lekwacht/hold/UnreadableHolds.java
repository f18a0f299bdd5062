package nl.lekwacht.hold;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds whose sealed content the configured keys no longer open (the content key was changed without
 * keeping the old one): each is marked {@link HoldStatus#UNREADABLE}, counted, logged at ERROR with the
 * cause, and its sender told; it is never retried as if the next hop had failed. Pending holds are
 * checked when the gateway starts, released ones when their release is due. Thread-safe.
 */
final class UnreadableHolds {

    private static final Logger log = LoggerFactory.getLogger(UnreadableHolds.class);
    private static final int SWEEP_LIMIT = 10_000;

    private final HoldStore store;
    private final SealedContent content;
    private final ContentCipher cipher;
    private final Notices notices;
    private final NoticeJobs jobs;
    private final HoldMetrics metrics;
    private final Clock clock;

    UnreadableHolds(HoldStore store, SealedContent content, ContentCipher cipher, Notices notices, NoticeJobs jobs,
                    HoldMetrics metrics, Clock clock) {
        this.store = store;
        this.content = content;
        this.cipher = cipher;
        this.notices = notices;
        this.jobs = jobs;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Why the hold's content cannot be opened, or empty when it can. */
    Optional<String> check(HeldMessage hold) {
        return cipher.unreadable(hold.id(), content::chunk);
    }

    /** Marks every pending hold that cannot be opened; returns how many. */
    int sweepPending() {
        int marked = 0;
        for (HeldMessage hold : store.pending(SWEEP_LIMIT)) {
            Optional<String> cause = check(hold);
            if (cause.isPresent() && mark(hold, cause.get())) {
                marked++;
            }
        }
        return marked;
    }

    /**
     * Marks {@code hold} unreadable and queues the sender's notice.
     *
     * @return false when it was already decided otherwise (cancelled, expired, marked before)
     */
    boolean mark(HeldMessage hold, String cause) {
        Instant now = clock.instant();
        try {
            HoldStore.NewJob notice = jobs.notice(hold, notices.unreadable(hold), now);
            List<AuditEvent> events = List.of(
                    new AuditEvent(hold.id(), now, "system", AuditEvent.UNREADABLE, "not sent: " + cause),
                    new AuditEvent(hold.id(), now, "system", AuditEvent.NOTIFICATION_QUEUED,
                            "unreadable notice to=" + String.join(",", hold.details().notifyTo())));
            if (!store.markUnreadable(hold.id(), now, events, List.of(notice))) {
                return false;
            }
        } catch (IOException e) {
            log.error("hold={} could not build the notice of unreadable content: {}", hold.id(), e.toString(), e);
            return false;
        }
        metrics.unreadable();
        log.error("hold={} content cannot be opened, marked UNREADABLE and never sent; sender told. Cause: {}",
                hold.id(), cause);
        return true;
    }
}

package nl.lekwacht.hold;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import nl.lekwacht.flow.Outbox;
import nl.lekwacht.flow.OutboxMail;
import nl.lekwacht.flow.OutboxResult;
import nl.lekwacht.flow.OutboxResult.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works the durable delivery queue: claims one due job at a time under a lease, sends it, and marks
 * it done, retries the recipients that failed for now (backoff doubling from {@code firstRetry}, at
 * most an hour, until {@code lifetime}), and sends a delivery status notification to the sender for
 * recipients refused for good. A crash between the relay's 250 and marking the job done lets another
 * attempt send it again once the lease ends: at most one duplicate, never a loss.
 * Used by one thread per instance.
 */
final class DeliveryQueue {

    private static final Logger log = LoggerFactory.getLogger(DeliveryQueue.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    /** Queue timing: the lease must outlast one attempt (connect + data timeouts). */
    record Timing(Duration lease, Duration firstRetry, Duration lifetime) {
    }

    private final HoldStore holds;
    private final HoldAudit audit;
    private final SealedContent sealedContent;
    private final DeliveryJobs jobs;
    private final ContentCipher cipher;
    private final Outbox releases;
    private final Outbox notices;
    private final Notices texts;
    private final BccRewrite bcc;
    private final HoldMetrics metrics;
    private final Clock clock;
    private final String owner;
    private final Timing timing;
    private final UnreadableHolds unreadable;

    /**
     * @param releases sends released messages (the next hop)
     * @param notices  sends our notices ({@code hold.notify-relay}, default the next hop)
     * @param internal which addresses are the organisation's own (kept in To/Cc by send-bcc)
     * @param owner    this instance's name in leases
     */
    DeliveryQueue(HoldStores stores, ContentCipher cipher, Outbox releases, Outbox notices,
                         Notices texts, Predicate<String> internal, HoldMetrics metrics, Clock clock, String owner,
                         Timing timing, UnreadableHolds unreadable) {
        this.holds = stores.holds();
        this.audit = stores.audit();
        this.sealedContent = stores.content();
        this.jobs = stores.jobs();
        this.cipher = cipher;
        this.releases = releases;
        this.notices = notices;
        this.texts = texts;
        this.bcc = new BccRewrite(internal);
        this.metrics = metrics;
        this.clock = clock;
        this.owner = owner;
        this.timing = timing;
        this.unreadable = unreadable;
    }

    /** Sends every job that is due now; returns how many were attempted. */
    int runDue() {
        int attempted = 0;
        for (Optional<DeliveryJob> job = jobs.claim(owner, clock.instant(), timing.lease()); job.isPresent();
             job = jobs.claim(owner, clock.instant(), timing.lease())) {
            attempted++;
            try {
                process(job.get());
            } catch (RuntimeException e) {
                log.error("job={} failed unexpectedly: {}", job.get().id(), e.toString(), e);
                retryOrGiveUp(job.get(), job.get().recipients(), "internal error: " + e);
            }
        }
        return attempted;
    }

    private void process(DeliveryJob job) {
        if (job.kind() == DeliveryJob.Kind.NOTICE) {
            processNotice(job);
        } else {
            processRelease(job);
        }
    }

    private void processNotice(DeliveryJob job) {
        OutboxResult result;
        try (InputStream content = cipher.open(job.contentId(), sealedContent::chunk)) {
            result = notices.send(new OutboxMail(job.mailFrom(), job.recipients(), new byte[0], content, -1, false,
                    Optional.empty()));
        } catch (IOException e) {
            log.error("job={} notice content unreadable: {}", job.id(), e.toString());
            jobs.finish(job.id(), "FAILED", clock.instant(), e.toString());
            return;
        }
        Instant now = clock.instant();
        if (!result.accepted().isEmpty()) {
            audit.audit(new AuditEvent(job.holdId(), now, "system", AuditEvent.NOTIFIED,
                    "to=" + String.join(",", result.accepted())));
        }
        result.permanent().forEach((r, reply) -> log.warn("job={} hold={} notice refused for {}: {}", job.id(),
                job.holdId(), r, reply));
        finishOrRetry(job, result, "notice");
    }

    private void processRelease(DeliveryJob job) {
        Optional<HeldMessage> found = holds.byId(job.holdId());
        if (found.isEmpty()) {
            jobs.finish(job.id(), "FAILED", clock.instant(), "hold not found");
            return;
        }
        HeldMessage hold = found.get();
        Optional<String> cannotOpen = unreadable.check(hold);
        if (cannotOpen.isPresent()) {
            giveUpUnreadable(job, hold, cannotOpen.get());
            return;
        }
        OutboxMail.Release release = new OutboxMail.Release(HoldRecords.envelope(hold, job.recipients()),
                HoldRecords.verdict(hold));
        OutboxResult result;
        ReadFailure failure = new ReadFailure(cipher.open(hold.id(), sealedContent::chunk));
        try (InputStream sealed = failure) {
            boolean rewrite = DeliveryJob.BCC_REWRITE.equals(job.rewrite());
            InputStream content = rewrite ? bcc.rewrite(sealed) : sealed;
            result = releases.send(new OutboxMail(hold.sender(), job.recipients(), new byte[0], content,
                    rewrite ? -1 : hold.size(), hold.details().eightBit(), Optional.of(release)));
        } catch (IOException e) {
            giveUpUnreadable(job, hold, e.getMessage());
            return;
        }
        if (failure.cause().isPresent()) {
            // the outbox saw a broken stream as a failed DATA; it is our content, not the next hop
            giveUpUnreadable(job, hold, failure.cause().get());
            return;
        }
        Instant now = clock.instant();
        if (!result.accepted().isEmpty()) {
            metrics.delivery("delivered");
            audit.audit(new AuditEvent(hold.id(), now, "system", AuditEvent.DELIVERED,
                    "to=" + String.join(",", result.accepted())));
            log.info("hold={} released to {} recipient(s)", hold.id(), result.accepted().size());
        }
        if (!result.permanent().isEmpty()) {
            refused(hold, result.permanent(), now);
        }
        finishOrRetry(job, result, "release");
    }

    /** Content that cannot be opened is never retried: the hold is marked, the sender told. */
    private void giveUpUnreadable(DeliveryJob job, HeldMessage hold, String cause) {
        unreadable.mark(hold, cause);
        jobs.finish(job.id(), "FAILED", clock.instant(), "content unreadable: " + cause);
        metrics.delivery("unreadable");
    }

    private void finishOrRetry(DeliveryJob job, OutboxResult result, String what) {
        if (result.temporary().isEmpty()) {
            jobs.finish(job.id(), result.accepted().isEmpty() ? "FAILED" : "DONE", clock.instant(),
                    result.permanent().isEmpty() ? null : result.permanent().values().iterator().next().toString());
            return;
        }
        String error = result.temporary().values().iterator().next().toString();
        log.info("job={} {} deferred for {} recipient(s): {}", job.id(), what, result.temporary().size(), error);
        if (job.kind() == DeliveryJob.Kind.RELEASE) {
            audit.audit(new AuditEvent(job.holdId(), clock.instant(), "system", AuditEvent.DEFERRED,
                    "recipients=" + result.temporary().size() + "; " + error));
        }
        retryOrGiveUp(job, new ArrayList<>(result.temporary().keySet()), error);
    }

    private void retryOrGiveUp(DeliveryJob job, List<String> recipients, String error) {
        Instant now = clock.instant();
        if (now.isBefore(job.createdAt().plus(timing.lifetime()))) {
            long factor = 1L << Math.min(20, Math.max(0, job.attempts() - 1));
            Duration delay = timing.firstRetry().multipliedBy(factor);
            jobs.retry(job.id(), recipients, now.plus(delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay), error);
            return;
        }
        jobs.finish(job.id(), "FAILED", now, "gave up: " + error);
        if (job.kind() == DeliveryJob.Kind.RELEASE) {
            holds.byId(job.holdId()).ifPresent(hold -> {
                Map<String, Failure> failed = new LinkedHashMap<>();
                recipients.forEach(r -> failed.put(r, new Failure(451, "4.4.7", "4.4.7 Delivery time expired: " + error)));
                refused(hold, failed, now);
            });
        }
    }

    /** Records the refusals and queues a DSN to the envelope sender (MAIL FROM:<>, so it cannot bounce back). */
    private void refused(HeldMessage hold, Map<String, Failure> refused, Instant now) {
        metrics.delivery("refused");
        List<AuditEvent> events = new ArrayList<>();
        refused.forEach((r, reply) -> events.add(new AuditEvent(hold.id(), now, "system", AuditEvent.REFUSED,
                "to=" + r + "; " + reply)));
        try {
            byte[] dsn = texts.deliveryFailure(hold, refused, headerOf(hold), now);
            String id = UUID.randomUUID().toString();
            HoldStore.NewJob job = new HoldStore.NewJob(new DeliveryJob(id, DeliveryJob.Kind.NOTICE, hold.id(), id,
                    DeliveryJob.NO_REWRITE, "", List.of(hold.sender()), 0, now), now, cipher.seal(id, dsn));
            events.add(new AuditEvent(hold.id(), now, "system", AuditEvent.NOTIFICATION_QUEUED,
                    "delivery status notification to=" + hold.sender()));
            jobs.enqueue(events, List.of(job));
        } catch (IOException e) {
            log.error("hold={} could not build the delivery status notification: {}", hold.id(), e.toString(), e);
            events.forEach(audit::audit);
        }
    }

    private byte[] headerOf(HeldMessage hold) throws IOException {
        try (InputStream in = cipher.open(hold.id(), sealedContent::chunk)) {
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            int state = 0;
            for (int b = in.read(); b >= 0 && state < 4 && header.size() < 256 * 1024; b = in.read()) {
                header.write(b);
                state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                        ? state + 1 : (b == '\r' ? 1 : 0);
            }
            return header.toByteArray();
        }
    }
}

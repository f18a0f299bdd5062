package nl.lekwacht.hold;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.lekwacht.hold.HoldStore.FollowUpKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nobody forgets a held message: after {@code hold.remind-after} the sender gets a reminder with a fresh
 * link, after {@code hold.escalate-after} the delegate ({@code hold.escalate-to}) gets a link of their own
 * and may decide. Times count working time when {@code hold.working-hours} is set. Each is sent once:
 * the store records it with its notice in one transaction, so two instances never both send it and a
 * restart does not send it again. Delayed messages leave by themselves and get neither.
 */
final class FollowUps {

    private static final Logger log = LoggerFactory.getLogger(FollowUps.class);
    private static final int BATCH = 100;

    /** When each follow-up is due, counted from the hold; empty when it is off. */
    record Timing(Optional<Duration> remindAfter, Optional<Duration> escalateAfter, WorkingTime workingTime) {
    }

    private final HoldStore store;
    private final LinkTokens tokens;
    private final Notices notices;
    private final NoticeJobs jobs;
    private final HoldMetrics metrics;
    private final Runnable wake;
    private final Clock clock;
    private final Timing timing;
    private final String publicUrl;

    /** @param publicUrl base of the links ({@code web.public-url}) */
    FollowUps(HoldStore store, LinkTokens tokens, Notices notices, NoticeJobs jobs, HoldMetrics metrics, Runnable wake,
              Clock clock, Timing timing, String publicUrl) {
        this.store = store;
        this.tokens = tokens;
        this.notices = notices;
        this.jobs = jobs;
        this.metrics = metrics;
        this.wake = wake;
        this.clock = clock;
        this.timing = timing;
        this.publicUrl = publicUrl;
    }

    /** Reminds the senders of holds undecided for {@code hold.remind-after}; returns how many. */
    int remindDue() {
        return timing.remindAfter().map(after -> sendDue(FollowUpKind.REMINDER, after)).orElse(0);
    }

    /** Asks the delegates of holds undecided for {@code hold.escalate-after}; returns how many. */
    int escalateDue() {
        return timing.escalateAfter().map(after -> sendDue(FollowUpKind.ESCALATION, after)).orElse(0);
    }

    private int sendDue(FollowUpKind kind, Duration after) {
        Instant now = clock.instant();
        int sent = 0;
        // working time is never shorter than plain time, so plain time bounds the candidates
        for (HeldMessage hold : store.awaitingFollowUp(kind, now.minus(after), now, BATCH)) {
            if (hold.details().delayed()) {
                continue;
            }
            if (timing.workingTime().plus(hold.createdAt(), after).isAfter(now)) {
                break; // oldest first: the rest are due later still
            }
            try {
                if (send(kind, hold, now)) {
                    sent++;
                }
            } catch (IOException e) {
                log.error("hold={} could not build the {} notice: {}", hold.id(), kind, e.toString(), e);
            }
        }
        if (sent > 0) {
            wake.run();
        }
        return sent;
    }

    private boolean send(FollowUpKind kind, HeldMessage hold, Instant now) throws IOException {
        String token = tokens.newToken();
        String link = publicUrl + "/h/" + token;
        boolean reminder = kind == FollowUpKind.REMINDER;
        String holder = reminder ? HoldStore.Link.SENDER : hold.followUp().delegate().orElseThrow();
        List<String> to = reminder ? hold.details().notifyTo() : List.of(holder);
        HoldStore.NewJob notice = jobs.notice(hold, reminder ? notices.reminder(hold, link)
                : notices.escalated(hold, link, holder), to, now);
        List<AuditEvent> events = List.of(
                new AuditEvent(hold.id(), now, "system", reminder ? AuditEvent.REMINDED : AuditEvent.ESCALATED,
                        reminder ? "reminder with a fresh link" : "delegate=" + holder + " may decide"),
                new AuditEvent(hold.id(), now, "system", AuditEvent.NOTIFICATION_QUEUED,
                        (reminder ? "reminder" : "escalation") + " to=" + String.join(",", to)));
        if (!store.followUp(kind, hold.id(), now, new HoldStore.NewLink(LinkTokens.hash(token), holder), events,
                List.of(notice))) {
            return false; // another instance sent it
        }
        metrics.followUp(reminder ? "reminder" : "escalation");
        log.info("hold={} {} sent", hold.id(), reminder ? "reminder" : "escalation");
        return true;
    }
}

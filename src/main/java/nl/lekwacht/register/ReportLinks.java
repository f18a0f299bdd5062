package nl.lekwacht.register;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.lekwacht.register.IncidentStore.Opened;
import nl.lekwacht.register.IncidentStore.ReportLink;

/**
 * The "this went wrong" links of delivered messages with findings ({@code /r/{token}}): issued with
 * the message's facts, only their hash stored, and the sender's report through one, which completes
 * the message's incident or opens it. Thread-safe; all state is in the store.
 */
public final class ReportLinks {

    private final IncidentStore store;
    private final IncidentOpening opening;
    private final Clock clock;
    private final SlipConfirmed slips;

    ReportLinks(IncidentStore store, IncidentOpening opening, Clock clock, SlipConfirmed slips) {
        this.store = store;
        this.opening = opening;
        this.clock = clock;
        this.slips = slips;
    }

    /** Creates a report link for a delivered message; returns the token (only its hash is stored). */
    public String issueReportLink(MessageFacts facts, String token, Duration lifetime) {
        Instant now = clock.instant();
        store.saveReportLink(new ReportLink(Hashes.sha256(token), IncidentOpening.messageKey(facts), facts, now,
                now.plus(lifetime)));
        return token;
    }

    /** The live report link for {@code token}, if any. */
    public Optional<ReportLink> reportLink(String token) {
        Instant now = clock.instant();
        return store.findReportLink(Hashes.sha256(token))
                .filter(l -> l.expiresAt().isAfter(now));
    }

    /**
     * A sender's own report about a delivered message: completes its incident with their statement,
     * or opens one when none exists yet. One link takes at most {@code maxSubmissions} reports, counted
     * in the store before anything is written, so parallel posts cannot pass the limit either.
     *
     * @return empty, changing nothing, when the link already had {@code maxSubmissions} reports
     */
    public Optional<Incident> report(ReportLink link, String statement, String actor, int maxSubmissions) {
        if (!store.countReportSubmission(link.tokenHash(), maxSubmissions)) {
            return Optional.empty();
        }
        Opened opened = store.findByMessageKey(link.messageKey())
                .map(existing -> new Opened(existing, false))
                .orElseGet(() -> opening.openForMessage(Origin.SENDER_REPORT, link.facts(), actor));
        Incident incident = opened.incident();
        String text = statement == null ? "" : statement.strip();
        String previous = incident.answers().get(Field.SENDER_STATEMENT);
        String combined = previous.isEmpty() ? text : previous + "\n\n" + text;
        Instant now = clock.instant();
        Incident updated = incident.with(incident.status(), incident.answers().with(Field.SENDER_STATEMENT, combined),
                incident.statusReason(), now);
        // the trail keeps what this report added, not the whole statement again each time
        store.update(updated, List.of(new AuditEntry(incident.id(), now, actor, "sender-report", "", text)));
        // the sender says it went wrong: whoever it reached should not count as a correspondent
        SlipConfirmed.tell(slips, updated);
        return Optional.of(updated);
    }
}

package nl.lekwacht.register;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.lekwacht.register.IncidentStore.Opened;

/**
 * Opens incidents: automatically for a message that went out, for a report through the forms, and by
 * hand. Each opening is written with its first audit entries; the announcer hears of those Lekwacht
 * opened by itself. Thread-safe; all state is in the store.
 */
public final class IncidentOpening {

    private final IncidentStore store;
    private final FormDerivation derivation;
    private final ReportDerivation reportDerivation;
    private final Clock clock;
    private final Announcer announcer;

    IncidentOpening(IncidentStore store, FormDerivation derivation, Clock clock, Announcer announcer) {
        this.store = store;
        this.derivation = derivation;
        this.reportDerivation = new ReportDerivation(derivation);
        this.clock = clock;
        this.announcer = announcer;
    }

    /**
     * Opens the incident for a message that went out, with the AP form filled from its findings;
     * a second call for the same message (retry, another instance) returns the first incident.
     */
    public Opened openForMessage(Origin origin, MessageFacts facts, String actor) {
        Instant now = clock.instant();
        Answers answers = derivation.derive(facts, origin, now);
        Incident draft = new Incident(0, Status.NEW, origin, messageKey(facts), Optional.of(facts), answers, "", now,
                now);
        Opened opened = store.open(draft, List.of(new AuditEntry(0, now, actor, "created", "",
                origin.name().toLowerCase(Locale.ROOT))));
        if (opened.created()) {
            announcer.opened(opened.incident());
        }
        return opened;
    }

    /** Opens an incident entered by hand (lost laptop, letter to the wrong address). */
    public Incident openManual(Map<Field, String> values, String actor) {
        Instant now = clock.instant();
        Answers answers = Answers.empty();
        for (Map.Entry<Field, String> e : values.entrySet()) {
            if (!e.getKey().computed()) {
                answers = answers.with(e.getKey(), e.getValue());
            }
        }
        if (answers.get(Field.DISCOVERED_AT).isEmpty()) {
            answers = answers.with(Field.DISCOVERED_AT, now.toString());
        }
        answers = derivation.withSeverity(derivation.withDeadline(answers));
        List<AuditEntry> entries = new ArrayList<>();
        entries.add(new AuditEntry(0, now, actor, "created", "", "manual"));
        for (Map.Entry<Field, String> e : answers.values().entrySet()) {
            entries.add(new AuditEntry(0, now, actor, e.getKey().key(), "", e.getValue()));
        }
        return store.open(new Incident(0, Status.NEW, Origin.MANUAL, "", Optional.empty(), answers, "", now, now),
                entries).incident();
    }

    /**
     * Opens the incident for a report through the report form ({@link Origin#RESIDENT} or
     * {@link Origin#STAFF}) in state Nieuw: the AP form derived from what the report says
     * ({@link ReportDerivation}), {@code values} as the reporter gave them over it, and tells the
     * announcer (which mails the privacy officer the reference only).
     */
    public Incident openReport(ReportFacts facts, Map<Field, String> values, String actor) {
        Origin origin = facts.origin();
        Instant now = clock.instant();
        Answers answers = reportDerivation.derive(facts, now);
        for (Map.Entry<Field, String> e : values.entrySet()) {
            if (!e.getKey().computed() && !e.getValue().isEmpty()) {
                answers = answers.with(e.getKey(), e.getValue());
            }
        }
        answers = derivation.withSeverity(answers);
        List<AuditEntry> entries = new ArrayList<>();
        entries.add(new AuditEntry(0, now, actor, "created", "", origin.name().toLowerCase(Locale.ROOT)));
        Incident incident = store.open(new Incident(0, Status.NEW, origin, "", Optional.empty(), answers, "", now,
                now), entries).incident();
        announcer.opened(incident);
        return incident;
    }

    /** {@code mid:<sha-256 of the Message-ID>} when the message has one, else {@code queue:<id>}. */
    static String messageKey(MessageFacts facts) {
        String messageId = facts.messageId().strip().toLowerCase(Locale.ROOT);
        if (!messageId.isEmpty()) {
            return "mid:" + Hashes.sha256(facts.sender().toLowerCase(Locale.ROOT) + "\n"
                    + messageId);
        }
        return "queue:" + facts.queueId();
    }
}

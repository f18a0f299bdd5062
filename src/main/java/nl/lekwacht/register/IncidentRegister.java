package nl.lekwacht.register;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.lekwacht.register.IncidentStore.Opened;
import nl.lekwacht.register.IncidentStore.ReportLink;

/**
 * The breach register: opens incidents (automatically from delivered mail, from a sender's report, by
 * hand), edits their AP form answers and moves them through the {@link Workflow}, writing every change
 * to the audit trail (who, when, old and new value). Thread-safe; all state is in the store.
 */
public final class IncidentRegister {

    /** The actor of changes Lekwacht makes itself. */
    public static final String SYSTEM = "lekwacht";

    private final IncidentStore store;
    private final FormDerivation derivation;
    private final SeverityEstimate severity;
    private final Workflow workflow;
    private final Clock clock;
    private final Announcer announcer;

    public IncidentRegister(IncidentStore store, FormDerivation derivation, SeverityEstimate severity,
                            Workflow workflow, Clock clock) {
        this(store, derivation, severity, workflow, clock, Announcer.NONE);
    }

    /** @param announcer told of each incident Lekwacht opens by itself */
    public IncidentRegister(IncidentStore store, FormDerivation derivation, SeverityEstimate severity,
                            Workflow workflow, Clock clock, Announcer announcer) {
        this.store = store;
        this.derivation = derivation;
        this.severity = severity;
        this.workflow = workflow;
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
        answers = withDeadline(answers);
        answers = derivation.withSeverity(answers);
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
     * {@link Origin#STAFF}) in state Nieuw, with {@code values} as the reporter gave them, and tells the
     * announcer (which mails the privacy officer the reference only).
     */
    public Incident openReport(Origin origin, Map<Field, String> values, String actor) {
        if (origin != Origin.RESIDENT && origin != Origin.STAFF) {
            throw new IllegalArgumentException("not a report origin: " + origin);
        }
        Instant now = clock.instant();
        Answers answers = Answers.empty();
        for (Map.Entry<Field, String> e : values.entrySet()) {
            if (!e.getKey().computed() && !e.getValue().isEmpty()) {
                answers = answers.with(e.getKey(), e.getValue());
            }
        }
        answers = answers.with(Field.DISCOVERED_AT, now.toString());
        answers = derivation.withSeverity(withDeadline(answers));
        List<AuditEntry> entries = new ArrayList<>();
        entries.add(new AuditEntry(0, now, actor, "created", "", origin.name().toLowerCase(Locale.ROOT)));
        Incident incident = store.open(new Incident(0, Status.NEW, origin, "", Optional.empty(), answers, "", now,
                now), entries).incident();
        announcer.opened(incident);
        return incident;
    }

    /**
     * Changes answers and confirms derived ones. Only fields whose value changed are written and
     * audited; a changed answer is no longer derived. The deadline follows the discovery time; a
     * derived severity follows the other answers.
     */
    public Incident edit(long id, Map<Field, String> changes, Set<Field> confirmed, String actor) {
        Incident incident = require(id);
        Instant now = clock.instant();
        Answers before = incident.answers();
        Answers after = before;
        List<AuditEntry> entries = new ArrayList<>();
        for (Map.Entry<Field, String> e : new EnumMap<>(changes).entrySet()) {
            Field field = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue().strip();
            if (!field.computed() && !value.equals(before.get(field))) {
                after = after.with(field, value);
            }
        }
        for (Field field : confirmed) {
            if (after.isDerived(field)) {
                after = after.confirmed(field);
                entries.add(new AuditEntry(id, now, actor, field.key(), before.get(field), "confirmed"));
            }
        }
        after = derivation.withSeverity(withDeadline(after));
        for (Field field : Field.values()) {
            if (!after.get(field).equals(before.get(field))) {
                entries.add(new AuditEntry(id, now, field.computed() || after.isDerived(field) ? SYSTEM : actor,
                        field.key(), before.get(field), after.get(field)));
            }
        }
        if (entries.isEmpty()) {
            return incident;
        }
        Incident updated = incident.with(incident.status(), after, incident.statusReason(), now);
        store.update(updated, entries);
        return updated;
    }

    /**
     * Moves an incident to {@code to}.
     *
     * @throws WorkflowException when the move is not allowed or answers it needs are missing
     */
    public Incident move(long id, Status to, String reason, String actor) {
        Incident incident = require(id);
        List<String> problems = workflow.problems(incident, to, reason);
        if (!problems.isEmpty()) {
            throw new WorkflowException(problems);
        }
        Instant now = clock.instant();
        String why = reason == null ? "" : reason.strip();
        Answers answers = incident.answers();
        if (to == Status.WITHDRAWN && answers.get(Field.WITHDRAWAL_REASON).isEmpty()) {
            answers = answers.with(Field.WITHDRAWAL_REASON, why);
        }
        Incident updated = incident.with(to, answers, why, now);
        List<AuditEntry> entries = new ArrayList<>();
        entries.add(new AuditEntry(id, now, actor, "status", incident.status().name(), to.name()));
        if (!why.isEmpty()) {
            entries.add(new AuditEntry(id, now, actor, "status-reason", incident.statusReason(), why));
        }
        if (!answers.equals(incident.answers())) {
            entries.add(new AuditEntry(id, now, actor, Field.WITHDRAWAL_REASON.key(), "", why));
        }
        store.update(updated, entries);
        return updated;
    }

    /**
     * A sender's own report about a delivered message: completes its incident with their statement,
     * or opens one when none exists yet.
     */
    public Incident report(ReportLink link, String statement, String actor) {
        Opened opened = store.findByMessageKey(link.messageKey())
                .map(existing -> new Opened(existing, false))
                .orElseGet(() -> openForMessage(Origin.SENDER_REPORT, link.facts(), actor));
        Incident incident = opened.incident();
        String text = statement == null ? "" : statement.strip();
        String previous = incident.answers().get(Field.SENDER_STATEMENT);
        String combined = previous.isEmpty() ? text : previous + "\n\n" + text;
        Instant now = clock.instant();
        Incident updated = incident.with(incident.status(), incident.answers().with(Field.SENDER_STATEMENT, combined),
                incident.statusReason(), now);
        store.update(updated, List.of(new AuditEntry(incident.id(), now, actor, "sender-report", previous, combined)));
        return updated;
    }

    /** Creates a report link for a delivered message; returns the token (only its hash is stored). */
    public String issueReportLink(MessageFacts facts, String token, Duration lifetime) {
        Instant now = clock.instant();
        store.saveReportLink(new ReportLink(Hashes.sha256(token), messageKey(facts), facts, now,
                now.plus(lifetime)));
        return token;
    }

    /** The live report link for {@code token}, if any. */
    public Optional<ReportLink> reportLink(String token) {
        Instant now = clock.instant();
        return store.findReportLink(Hashes.sha256(token))
                .filter(l -> l.expiresAt().isAfter(now));
    }

    public Optional<Incident> find(long id) {
        return store.find(id);
    }

    /**
     * Incidents by time left to the deadline: those awaiting the decision to report first, soonest (or
     * most overdue) deadline first; then the rest, newest first.
     */
    public List<Incident> list(Optional<Status> status) {
        Comparator<Incident> order = Comparator
                .comparing((Incident i) -> !i.status().awaitsDecision())
                .thenComparing(i -> i.status().awaitsDecision() ? i.deadline().orElse(Instant.MAX) : Instant.MAX)
                .thenComparing(Incident::createdAt, Comparator.reverseOrder())
                .thenComparing(Incident::id, Comparator.reverseOrder());
        return store.list(status).stream().sorted(order).toList();
    }

    public List<AuditEntry> audit(long id) {
        return store.audit(id);
    }

    public Assessment assess(Incident incident) {
        return severity.assess(incident.answers());
    }

    public Set<Status> nextStatuses(Incident incident) {
        return workflow.next(incident.status());
    }

    public Instant now() {
        return clock.instant();
    }

    /** {@code mid:<sha-256 of the Message-ID>} when the message has one, else {@code queue:<id>}. */
    public static String messageKey(MessageFacts facts) {
        String messageId = facts.messageId().strip().toLowerCase(Locale.ROOT);
        if (!messageId.isEmpty()) {
            return "mid:" + Hashes.sha256(facts.sender().toLowerCase(Locale.ROOT) + "\n"
                    + messageId);
        }
        return "queue:" + facts.queueId();
    }

    private Answers withDeadline(Answers answers) {
        return answers.instant(Field.DISCOVERED_AT)
                .map(d -> {
                    String deadline = d.plus(derivation.deadlineAfterDiscovery()).toString();
                    if (deadline.equals(answers.get(Field.DEADLINE_AT))) {
                        return answers;
                    }
                    return answers.isDerived(Field.DISCOVERED_AT) ? answers.withDerived(Field.DEADLINE_AT, deadline)
                            : answers.with(Field.DEADLINE_AT, deadline);
                })
                .orElse(answers);
    }

    private Incident require(long id) {
        return store.find(id).orElseThrow(() -> new IllegalArgumentException("no incident " + id));
    }
}

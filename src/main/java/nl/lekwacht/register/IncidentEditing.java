package nl.lekwacht.register;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Changes incidents: edits their AP form answers and moves them through the {@link Workflow}, writing
 * every change to the audit trail (who, when, old and new value). Thread-safe; all state is in the store.
 */
public final class IncidentEditing {

    private final IncidentStore store;
    private final FormDerivation derivation;
    private final Workflow workflow;
    private final Clock clock;
    private final SlipConfirmed slips;

    IncidentEditing(IncidentStore store, FormDerivation derivation, Workflow workflow, Clock clock,
                    SlipConfirmed slips) {
        this.store = store;
        this.derivation = derivation;
        this.workflow = workflow;
        this.clock = clock;
        this.slips = slips;
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
        after = derivation.withSeverity(derivation.withDeadline(after));
        for (Field field : Field.values()) {
            if (!after.get(field).equals(before.get(field))) {
                entries.add(new AuditEntry(id, now, field.computed() || after.isDerived(field)
                        ? IncidentRegister.SYSTEM : actor, field.key(), before.get(field), after.get(field)));
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
        Instant now = clock.instant();
        List<String> problems = workflow.problems(incident, to, reason, now);
        if (!problems.isEmpty()) {
            throw new WorkflowException(problems);
        }
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
        if (confirmsMisdirection(incident, to)) {
            SlipConfirmed.tell(slips, updated);
        }
        return updated;
    }

    /**
     * Recorded as a breach (reported to the AP or not) while the message behind it had a misdirected
     * recipient: the privacy officer has confirmed the slip. "No breach" and "withdrawn" confirm nothing.
     */
    private static boolean confirmsMisdirection(Incident before, Status to) {
        boolean breach = to == Status.REPORTED || to == Status.NOT_REPORTED;
        boolean wasBreach = before.status() == Status.REPORTED || before.status() == Status.NOT_REPORTED;
        return breach && !wasBreach && before.message().map(facts -> facts.findings().stream()
                .anyMatch(f -> f.code().equals("MISDIRECTED_RECIPIENT"))).orElse(false);
    }

    private Incident require(long id) {
        return store.find(id).orElseThrow(() -> new IllegalArgumentException("no incident " + id));
    }
}

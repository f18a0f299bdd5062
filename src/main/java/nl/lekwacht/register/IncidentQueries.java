package nl.lekwacht.register;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the register: incidents, their audit trail, severity and next states. Thread-safe. */
public final class IncidentQueries {

    private final IncidentStore store;
    private final SeverityEstimate severity;
    private final Workflow workflow;
    private final Clock clock;

    IncidentQueries(IncidentStore store, SeverityEstimate severity, Workflow workflow, Clock clock) {
        this.store = store;
        this.severity = severity;
        this.workflow = workflow;
        this.clock = clock;
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
        Set<Long> merged = mergedSources();
        return store.list(status).stream().filter(i -> !merged.contains(i.id())).sorted(order).toList();
    }

    /** The trail of one incident, with the trails of the reports merged into it, oldest first. */
    public List<AuditEntry> audit(long id) {
        List<IncidentStore.Merge> from = store.merges().stream().filter(m -> m.intoId() == id).toList();
        if (from.isEmpty()) {
            return store.audit(id);
        }
        List<AuditEntry> all = new java.util.ArrayList<>(store.audit(id));
        from.forEach(m -> all.addAll(store.audit(m.incidentId())));
        all.sort(Comparator.comparing(AuditEntry::at));
        return List.copyOf(all);
    }

    /** Incidents merged into another: they live on inside that one and leave the list. */
    private Set<Long> mergedSources() {
        return store.merges().stream().map(IncidentStore.Merge::incidentId).collect(java.util.stream.Collectors.toSet());
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
}

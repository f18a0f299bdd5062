package nl.lekwacht.register.listing;

import java.time.Duration;
import java.time.Instant;
import nl.lekwacht.register.Incident;

/** Where an incident stands against the 72-hour deadline, for the list's filter. Names are query values. */
public enum DeadlineState {
    /** Past the deadline, the decision to report still open. */
    OVERDUE,
    /** Less than {@link #SOON} left, the decision still open. */
    DUE_SOON,
    /** More time left, the decision still open. */
    RUNNING,
    /** Decided (reported, not reported, no breach, withdrawn, closed): the deadline no longer runs. */
    DECIDED;

    static final Duration SOON = Duration.ofHours(24);

    public static DeadlineState of(Incident incident, Instant now) {
        if (!incident.status().awaitsDecision() || incident.deadline().isEmpty()) {
            return DECIDED;
        }
        Instant deadline = incident.deadline().get();
        if (now.isAfter(deadline)) {
            return OVERDUE;
        }
        return Duration.between(now, deadline).compareTo(SOON) < 0 ? DUE_SOON : RUNNING;
    }
}

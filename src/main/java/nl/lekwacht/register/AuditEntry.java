package nl.lekwacht.register;

import nl.lekwacht.privacy.BsnMasking;
import java.time.Instant;

/**
 * One change of an incident: who, when, which field, old and new value. Field {@code status} for
 * workflow moves, {@code created} for the opening, {@code sender-report} for a sender's report.
 */
public record AuditEntry(long incidentId, Instant at, String actor, String field, String oldValue,
                         String newValue) {

    public AuditEntry {
        // answers, statements and reasons as typed: never a full BSN in the trail
        oldValue = oldValue == null ? "" : BsnMasking.mask(oldValue);
        newValue = newValue == null ? "" : BsnMasking.mask(newValue);
    }
}

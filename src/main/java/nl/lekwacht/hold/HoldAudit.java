package nl.lekwacht.hold;

import java.util.List;

/** The audit trail of holds, in the store. Thread-safe. */
public interface HoldAudit {

    void audit(AuditEvent event);

    /** A hold's events in the order they happened. */
    List<AuditEvent> auditTrail(String holdId);
}

package nl.lekwacht.register;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the register keeps incidents, their audit trail and the senders' report links. The store
 * enforces one incident per message key, so retries and several instances cannot duplicate one.
 */
public interface IncidentStore {

    /** The result of {@link #open}: the incident with that key, and whether this call created it. */
    record Opened(Incident incident, boolean created) {
    }

    /**
     * Inserts {@code draft} (its id is ignored) with its first audit entries, or, when an incident
     * with the same non-empty message key exists, returns that one untouched.
     */
    Opened open(Incident draft, List<AuditEntry> entries);

    Optional<Incident> find(long id);

    Optional<Incident> findByMessageKey(String messageKey);

    /** All incidents, or those with {@code status}, in no particular order. */
    List<Incident> list(Optional<Status> status);

    /** Stores the new state of an incident and the audit entries describing the change, together. */
    void update(Incident incident, List<AuditEntry> entries);

    /** The audit trail of one incident, oldest first. */
    List<AuditEntry> audit(long incidentId);

    /** A link from a delivery notice: the token's hash, the message it is about. */
    record ReportLink(String tokenHash, String messageKey, MessageFacts facts, Instant createdAt, Instant expiresAt) {
    }

    void saveReportLink(ReportLink link);

    Optional<ReportLink> findReportLink(String tokenHash);

    /**
     * Counts one report through a link, atomically, unless it already had {@code max}.
     *
     * @return false, counting nothing, when the link has had {@code max} reports (or is gone)
     */
    boolean countReportSubmission(String tokenHash, int max);

    /**
     * One incident merged into another: a report linked to the message incident it is about.
     *
     * @param discoveredBefore the message incident's discovery time before the link (ISO-8601, or empty)
     */
    record Merge(long incidentId, long intoId, String discoveredBefore, Instant at, String actor) {
    }

    /**
     * Records a merge with its audit entries (each entry names its own incident), together.
     *
     * @return false, writing nothing, when {@code merge.incidentId()} is already merged
     */
    boolean merge(Merge merge, List<AuditEntry> entries);

    /** Undoes the merge of {@code incidentId}, with its audit entries; false when it was not merged. */
    boolean unmerge(long incidentId, List<AuditEntry> entries);

    /** Every merge in force. */
    List<Merge> merges();

    /** Retention: drops the message metadata of incidents finished before {@code before}. */
    int stripFinishedBefore(Instant before);

    /** Retention: deletes audit entries older than {@code before}. */
    int deleteAuditBefore(Instant before);

    /** Retention: deletes report links that expired before {@code before}. */
    int deleteReportLinksBefore(Instant before);
}

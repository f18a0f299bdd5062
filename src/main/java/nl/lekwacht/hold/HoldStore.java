package nl.lekwacht.hold;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the hold package needs from the store: holds, their sealed content, the audit trail and the
 * delivery queue. Every method is one transaction; implementations are thread-safe and safe for
 * several gateways sharing one database.
 */
public interface HoldStore {

    /** A job to queue, with its own sealed content when it is a notice (null for a release). */
    record NewJob(DeliveryJob job, Instant firstAttempt, ChunkSource ownContent) {
    }

    /** The decision on a pending hold. */
    record Decision(String holdId, HoldStatus status, Instant at, String actor, String action, String reason) {
    }

    /** Stores a hold, its sealed content, its first audit events and jobs (the notification), all or nothing. */
    void create(HeldMessage hold, ChunkSource content, List<AuditEvent> events, List<NewJob> jobs);

    Optional<HeldMessage> byTokenHash(String tokenHash);

    Optional<HeldMessage> byId(String id);

    /** Pending holds, oldest first, at most {@code limit}. */
    List<HeldMessage> pending(int limit);

    long countPending();

    /** Ids of pending holds whose expiry is at or before {@code now}. */
    List<String> expiredPending(Instant now, int limit);

    /**
     * Decides a pending hold and queues its jobs, atomically.
     *
     * @return false, changing nothing, when the hold was no longer pending (used link, a race with
     *         another instance, expiry)
     */
    boolean decide(Decision decision, List<AuditEvent> events, List<NewJob> jobs);

    void audit(AuditEvent event);

    /** Queues jobs (a delivery status notification) with their audit events, all or nothing. */
    void enqueue(List<AuditEvent> events, List<NewJob> jobs);

    List<AuditEvent> auditTrail(String holdId);

    /** One sealed chunk, or null when there is none with that number (end, or deleted content). */
    byte[] chunk(String contentId, int seq);

    /**
     * Claims the job due first that no live lease holds: sets the lease and counts the attempt.
     * PostgreSQL skips rows other instances are claiming ({@code FOR UPDATE SKIP LOCKED}).
     */
    Optional<DeliveryJob> claim(String owner, Instant now, Duration lease);

    /** Ends a job ({@code DONE} or {@code FAILED}); a notice's own content is deleted with it. */
    void finish(String jobId, String state, Instant now, String error);

    /** Puts a job back for another attempt at {@code next}, for the recipients still to do. */
    void retry(String jobId, List<String> recipients, Instant next, String error);

    /**
     * Deletes the content of holds decided before {@code decidedBefore} whose release is no longer
     * queued, and records when.
     *
     * @return the ids whose content was deleted
     */
    List<String> purgeContent(Instant decidedBefore, Instant now);
}

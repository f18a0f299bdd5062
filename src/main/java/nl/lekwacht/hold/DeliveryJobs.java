package nl.lekwacht.hold;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable delivery queue in the store, leased so that one instance at a time works a job. Every
 * method is one transaction; safe for several gateways sharing one database.
 */
public interface DeliveryJobs {

    /** Queues jobs (a delivery status notification) with their audit events, all or nothing. */
    void enqueue(List<AuditEvent> events, List<HoldStore.NewJob> jobs);

    /**
     * Claims the job due first that no live lease holds: sets the lease and counts the attempt.
     * PostgreSQL skips rows other instances are claiming ({@code FOR UPDATE SKIP LOCKED}).
     */
    Optional<DeliveryJob> claim(String owner, Instant now, Duration lease);

    /** Ends a job ({@code DONE} or {@code FAILED}); a notice's own content is deleted with it. */
    void finish(String jobId, String state, Instant now, String error);

    /** Puts a job back for another attempt at {@code next}, for the recipients still to do. */
    void retry(String jobId, List<String> recipients, Instant next, String error);
}

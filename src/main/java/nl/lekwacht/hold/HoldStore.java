package nl.lekwacht.hold;

import nl.lekwacht.privacy.BsnMasking;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Held messages as the store keeps them. Taking and deciding a hold write its audit events and jobs
 * (and, when taken, its sealed content) in the same transaction. Every method is one transaction;
 * implementations are thread-safe and safe for several gateways sharing one database.
 */
public interface HoldStore {

    /** A job to queue, with its own sealed content when it is a notice (null for a release). */
    record NewJob(DeliveryJob job, Instant firstAttempt, ChunkSource ownContent) {
    }

    /**
     * The decision on a pending hold.
     *
     * @param content the corrected content, sealed under the hold's id, that replaces the original in the
     *                same transaction (the original is deleted); null when the content stays as it is
     * @param size    the corrected content's size in bytes; ignored without content
     */
    record Decision(String holdId, HoldStatus status, Instant at, String actor, String action, String reason,
                    ChunkSource content, long size, NearMiss nearMiss) {
        /** The reason is typed by the sender or an admin: it may carry a BSN. */
        public Decision {
            reason = BsnMasking.mask(reason);
        }

        public Decision(String holdId, HoldStatus status, Instant at, String actor, String action, String reason,
                        ChunkSource content, long size) {
            this(holdId, status, at, actor, action, reason, content, size, null);
        }

        public Decision(String holdId, HoldStatus status, Instant at, String actor, String action, String reason) {
            this(holdId, status, at, actor, action, reason, null, -1);
        }

        /** This decision, leaving {@code ended} behind (stored with it, in the same transaction). */
        public Decision leaving(NearMiss ended) {
            return new Decision(holdId, status, at, actor, action, reason, content, size, ended);
        }
    }

    /**
     * Whose a link is.
     *
     * @param holder {@link #SENDER} for the sender's links (the first and the reminder's), else the address
     *               of the delegate it was made for
     */
    record Link(String holdId, String holder) {
        public static final String SENDER = "link";
    }

    /** A further link to a hold: the SHA-256 (hex) of its token, and whose it is (see {@link Link}). */
    record NewLink(String tokenHash, String holder) {
    }

    /** What is sent about an undecided hold: a reminder to the sender, then the delegate asked. */
    enum FollowUpKind { REMINDER, ESCALATION }

    /**
     * Stores a hold (with its delegate, {@code hold.followUp().delegate()}), its sealed content, its first
     * audit events and jobs (the notification), all or nothing.
     */
    void create(HeldMessage hold, ChunkSource content, List<AuditEvent> events, List<NewJob> jobs);

    Optional<HeldMessage> byId(String id);

    /** The hold a link token (by its hash) opens, and whose link it is: the first link or a later one. */
    Optional<Link> linkByTokenHash(String tokenHash);

    /**
     * Pending holds received at or before {@code receivedBy}, not yet expired at {@code now}, that have not
     * had this follow-up (for an escalation: that have a delegate), oldest first, at most {@code limit}.
     */
    List<HeldMessage> awaitingFollowUp(FollowUpKind kind, Instant receivedBy, Instant now, int limit);

    /**
     * Records a follow-up of a pending hold once, with its new link, audit events and notice, atomically.
     *
     * @return false, changing nothing, when it was already sent (by another instance, before a restart) or
     *         the hold is no longer pending
     */
    boolean followUp(FollowUpKind kind, String holdId, Instant at, NewLink link, List<AuditEvent> events,
                     List<NewJob> jobs);

    /** Pending holds, oldest first, at most {@code limit}. */
    List<HeldMessage> pending(int limit);

    long countPending();

    /** Holds in {@code status}, newest first, at most {@code limit}. */
    List<HeldMessage> withStatus(HoldStatus status, int limit);

    /**
     * Marks a pending or released hold {@link HoldStatus#UNREADABLE} and queues its events and jobs (the
     * sender's notice), atomically; its queued releases are finished as failed.
     *
     * @return false, changing nothing, when the hold was neither pending nor released
     */
    boolean markUnreadable(String holdId, Instant at, List<AuditEvent> events, List<NewJob> jobs);

    /** Ids of pending holds whose expiry is at or before {@code now}. */
    List<String> expiredPending(Instant now, int limit);

    /**
     * Decides a pending hold and queues its jobs, atomically; the decision's {@link NearMiss}, when it has
     * one, is kept in the same transaction.
     *
     * @return false, changing nothing, when the hold was no longer pending (used link, a race with
     *         another instance, expiry)
     */
    boolean decide(Decision decision, List<AuditEvent> events, List<NewJob> jobs);

    /**
     * Deletes the content of holds decided before {@code decidedBefore} whose release is no longer
     * queued, and records when.
     *
     * @return the ids whose content was deleted
     */
    List<String> purgeContent(Instant decidedBefore, Instant now);

    /**
     * Retention: deletes the holds received before {@code receivedBefore} that are decided and have no
     * delivery still queued, with their audit trail, their finished jobs and any sealed bytes left; and
     * audit events that old whose hold is already gone.
     *
     * @return how many holds were deleted
     */
    int forget(Instant receivedBefore);
}

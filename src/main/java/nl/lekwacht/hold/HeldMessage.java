package nl.lekwacht.hold;

import nl.lekwacht.privacy.BsnMasking;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One hold as the store keeps it: metadata only, the content is sealed apart.
 *
 * @param id         the reference in the SMTP reply (our queue id)
 * @param tokenHash  SHA-256 (hex) of the link token; the token itself is never stored
 * @param recipients the envelope recipients
 * @param decision   the action taken ({@link HoldAction} form value, or {@code expired}); empty while pending
 * @param followUp   the reminder and escalation sent about it while it waited
 */
public record HeldMessage(String id, String tokenHash, HoldStatus status, String sender, List<String> recipients,
                          String subject, long size, HoldDetails details, Instant createdAt, Instant expiresAt,
                          Optional<Instant> decidedAt, Optional<String> decidedBy, Optional<String> decision,
                          Optional<String> decisionReason, FollowUp followUp) {

    /**
     * What was sent about a hold while it waited for a decision.
     *
     * @param delegate who may decide in the sender's place once the hold is escalated ({@code
     *                 hold.escalate-to}, as configured when the hold was taken)
     */
    public record FollowUp(Optional<Instant> remindedAt, Optional<Instant> escalatedAt, Optional<String> delegate) {
        public static final FollowUp NONE = new FollowUp(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A hold nothing was sent about yet. */
    public HeldMessage(String id, String tokenHash, HoldStatus status, String sender, List<String> recipients,
                       String subject, long size, HoldDetails details, Instant createdAt, Instant expiresAt,
                       Optional<Instant> decidedAt, Optional<String> decidedBy, Optional<String> decision,
                       Optional<String> decisionReason) {
        this(id, tokenHash, status, sender, recipients, subject, size, details, createdAt, expiresAt, decidedAt,
                decidedBy, decision, decisionReason, FollowUp.NONE);
    }

    public HeldMessage {
        recipients = List.copyOf(recipients);
        // the subject is shown on pages and repeated in notices; the reason is typed by the sender
        subject = BsnMasking.mask(subject);
        decisionReason = decisionReason.map(BsnMasking::mask);
    }

    public HeldMessage withFollowUp(FollowUp next) {
        return new HeldMessage(id, tokenHash, status, sender, recipients, subject, size, details, createdAt, expiresAt,
                decidedAt, decidedBy, decision, decisionReason, next);
    }

    public boolean isPending() {
        return status == HoldStatus.PENDING;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}

package nl.lekwacht.register;

import nl.lekwacht.privacy.BsnMasking;
import java.time.Instant;
import java.util.Optional;

/**
 * One entry of the breach register (AVG art. 33(5)): every breach is recorded, reported or not.
 *
 * @param id        the register's number
 * @param status    where it is in the workflow
 * @param origin    how it came in
 * @param messageKey the message it is about ({@code mid:...} or {@code queue:...}); empty for manual
 *                  incidents. At most one incident per key.
 * @param message   metadata and masked evidence of that message; empty for manual incidents
 * @param answers   the AP form, with the answers Lekwacht derived marked
 * @param statusReason why it was last moved (required for no breach, withdrawn, not reported)
 */
public record Incident(long id, Status status, Origin origin, String messageKey, Optional<MessageFacts> message,
                       Answers answers, String statusReason, Instant createdAt, Instant updatedAt) {

    public Incident {
        messageKey = messageKey == null ? "" : messageKey;
        statusReason = statusReason == null ? "" : BsnMasking.mask(statusReason);
    }

    /** Register reference shown to people, e.g. {@code DL-000042}. */
    public String reference() {
        return String.format("DL-%06d", id);
    }

    public Optional<Instant> deadline() {
        return answers.instant(Field.DEADLINE_AT);
    }

    /** Past the AP deadline while the decision to report is still open. */
    public boolean overdueAt(Instant now) {
        return status.awaitsDecision() && deadline().map(now::isAfter).orElse(false);
    }

    public Incident with(Status newStatus, Answers newAnswers, String reason, Instant now) {
        return new Incident(id, newStatus, origin, messageKey, message, newAnswers, reason, createdAt, now);
    }
}

package nl.lekwacht.hold;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the durable delivery queue.
 *
 * @param kind       a release of a held message, or one of our own notices (notification, expiry, DSN)
 * @param holdId     the hold it belongs to (every job does, for the audit trail)
 * @param contentId  whose sealed content is sent: the hold's, or the notice's own
 * @param rewrite    {@code BCC} when visible external recipients must leave To/Cc, else {@code NONE}
 * @param recipients recipients still to deliver to
 * @param attempts   attempts so far, this one included once claimed
 */
public record DeliveryJob(String id, Kind kind, String holdId, String contentId, String rewrite, String mailFrom,
                          List<String> recipients, int attempts, Instant createdAt) {

    public enum Kind { RELEASE, NOTICE }

    public static final String NO_REWRITE = "NONE";
    public static final String BCC_REWRITE = "BCC";

    public DeliveryJob {
        recipients = List.copyOf(recipients);
    }
}

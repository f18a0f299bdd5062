package nl.lekwacht.hold;

import nl.lekwacht.privacy.BsnMasking;
import java.time.Instant;

/**
 * One line of a hold's audit trail. {@code actor} is {@code relay}, {@code link} (whoever holds the
 * sender's link), {@code system}, or a user name for admins. {@code detail} carries no content, only
 * codes, counts, addresses the sender wrote and the reason given.
 */
public record AuditEvent(String holdId, Instant at, String actor, String event, String detail) {

    /** A reason the sender typed, a file name or a subject in the detail never keeps a full BSN. */
    public AuditEvent {
        detail = BsnMasking.mask(detail);
    }

    public static final String HELD = "HELD";
    /** Kept by the {@code delay} action; it leaves by itself unless the sender acts. */
    public static final String DELAYED = "DELAYED";
    public static final String REMINDED = "REMINDED";
    public static final String ESCALATED = "ESCALATED";
    public static final String NOTIFICATION_QUEUED = "NOTIFICATION_QUEUED";
    public static final String NOTIFIED = "NOTIFIED";
    public static final String VIEWED = "VIEWED";
    public static final String DECIDED = "DECIDED";
    public static final String OVERRIDE = "OVERRIDE";
    public static final String EXPIRED = "EXPIRED";
    public static final String DELIVERED = "DELIVERED";
    public static final String REFUSED = "REFUSED";
    public static final String DEFERRED = "DEFERRED";
    public static final String CONTENT_DELETED = "CONTENT_DELETED";
    public static final String UNREADABLE = "UNREADABLE";
}

package nl.lekwacht.hold;

/**
 * Where a hold stands. Only {@link #PENDING} can change, once, into one of the others: a link acts
 * at most once. The one exception is {@link #UNREADABLE}, which a released hold can still become.
 */
public enum HoldStatus {
    /** Waiting for the sender's decision. */
    PENDING,
    /** The sender (or an admin) let it go: a release job is queued or done. */
    RELEASED,
    /** The sender (or an admin) cancelled it; nothing was sent. */
    CANCELLED,
    /** Nobody decided before the hold expired; nothing was sent and the sender was told. */
    EXPIRED,
    /**
     * The held content can no longer be opened with the configured keys (the content key was changed
     * without keeping the old one in {@code hold.old-encryption-keys}); nothing was sent, the sender was
     * told, and it is never retried. A pending or released hold can become this.
     */
    UNREADABLE
}

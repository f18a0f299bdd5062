package nl.lekwacht.hold;

/**
 * Where a hold stands. Only {@link #PENDING} can change, once, into one of the others: a link acts
 * at most once.
 */
public enum HoldStatus {
    /** Waiting for the sender's decision. */
    PENDING,
    /** The sender (or an admin) let it go: a release job is queued or done. */
    RELEASED,
    /** The sender (or an admin) cancelled it; nothing was sent. */
    CANCELLED,
    /** Nobody decided before the hold expired; nothing was sent and the sender was told. */
    EXPIRED
}

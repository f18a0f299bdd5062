package nl.lekwacht.register;

/** How an incident came into the register. */
public enum Origin {
    /** Delivered under a {@code monitor} policy. */
    MONITOR,
    /** Delivered because inspection failed and the policy fails open. */
    FAIL_OPEN,
    /** Delivered because the sender could not be asked (outside or null sender). */
    FALLBACK,
    /** The sender (or an admin) sent a held message anyway. */
    OVERRIDE,
    /** The sender reported the delivered message through the link in Lekwacht's notice. */
    SENDER_REPORT,
    /** Entered by hand: a breach that did not come by mail. */
    MANUAL;

    public boolean automatic() {
        return this != MANUAL;
    }
}

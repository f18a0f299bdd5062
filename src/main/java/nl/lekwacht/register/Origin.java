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
    MANUAL,
    /** Reported by a resident through the public form {@code /melden}. */
    RESIDENT,
    /** Reported by a member of staff through {@code /melden/medewerker}. */
    STAFF;

    /** Opened by Lekwacht itself from mail it handled (not entered or reported by a person). */
    public boolean automatic() {
        return this != MANUAL && this != RESIDENT && this != STAFF;
    }

    /** Who the incident came from: {@code resident}, {@code staff} (a report or entered by hand) or {@code gateway}. */
    public String source() {
        return switch (this) {
            case RESIDENT -> "resident";
            case STAFF, MANUAL -> "staff";
            default -> "gateway";
        };
    }
}

package nl.lekwacht.register.figures;

import nl.lekwacht.register.Origin;

/** Where an incident came from, as the figures count it. Names are the keys of the page's texts. */
public enum Source {
    /** Opened by the gateway from mail it handled (monitor, fail-open, fallback, send anyway, sender's report). */
    GATEWAY,
    /** Reported by a resident through {@code /melden}. */
    RESIDENT,
    /** Reported by a member of staff through {@code /melden/medewerker}. */
    STAFF,
    /** Entered by hand by the privacy officer. */
    MANUAL;

    public static Source of(Origin origin) {
        return switch (origin) {
            case RESIDENT -> RESIDENT;
            case STAFF -> STAFF;
            case MANUAL -> MANUAL;
            default -> GATEWAY;
        };
    }
}

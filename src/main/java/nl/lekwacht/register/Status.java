package nl.lekwacht.register;

import java.util.EnumSet;
import java.util.Set;

/** Where an incident is in the privacy officer's workflow; see {@link Workflow} for the moves. */
public enum Status {
    /** Nieuw: recorded, nobody looked at it yet. */
    NEW,
    /** In behandeling: being assessed. */
    IN_PROGRESS,
    /** Gemeld bij AP: reported to the Autoriteit Persoonsgegevens. */
    REPORTED,
    /** Niet gemeld: a breach, recorded, with an approved decision not to report it. */
    NOT_REPORTED,
    /** Afgesloten: done. */
    CLOSED,
    /** Geen datalek: assessed, not a breach. */
    NO_BREACH,
    /** Ingetrokken: withdrawn (e.g. recorded twice, or a report to the AP withdrawn). */
    WITHDRAWN;

    static final Set<Status> OPEN = EnumSet.of(NEW, IN_PROGRESS, REPORTED, NOT_REPORTED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** Still waiting for the decision to report or not: the AP deadline matters. */
    public boolean awaitsDecision() {
        return this == NEW || this == IN_PROGRESS;
    }
}

package nl.lekwacht.register;

import java.util.OptionalInt;

/**
 * What a report through a report form says, as the register derives the AP form from it: the
 * reporter's words and the yes/no answers that decide the kind of breach. Passed in by the intake
 * when it opens the incident; never stored as such (the report itself is, masked).
 *
 * @param origin             {@link Origin#RESIDENT} or {@link Origin#STAFF}
 * @param whatHappened       the description, as typed (may hold a BSN: only its presence is used)
 * @param whichData          which data it is about, as typed
 * @param recipients         who received or could see the data (staff), as typed; else empty
 * @param misdeliveredPost   "a letter of ours was delivered to me by mistake": yes
 * @param receivedOthersData "I received someone else's personal data": yes
 * @param ownDataReceived    "someone else received my data": yes
 * @param dataLost           "personal data was lost for good": yes
 * @param dataBack           "the data is back or demonstrably deleted" (staff): yes
 * @param people             how many people's data is involved, when the reporter gave a number
 * @param actionsTaken       what staff did already, as typed; else empty
 */
public record ReportFacts(Origin origin, String whatHappened, String whichData, String recipients,
                          boolean misdeliveredPost, boolean receivedOthersData, boolean ownDataReceived,
                          boolean dataLost, boolean dataBack, OptionalInt people, String actionsTaken) {

    public ReportFacts {
        if (origin != Origin.RESIDENT && origin != Origin.STAFF) {
            throw new IllegalArgumentException("not a report origin: " + origin);
        }
        whatHappened = nz(whatHappened);
        whichData = nz(whichData);
        recipients = nz(recipients);
        actionsTaken = nz(actionsTaken);
    }

    /** All the reporter's words together, for what they mention. */
    String words() {
        return String.join("\n", whatHappened, whichData, recipients);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

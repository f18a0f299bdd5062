package nl.lekwacht.hold;

import java.time.YearMonth;
import java.util.List;

/**
 * What is kept of a hold once it ended, after the hold itself is forgotten ({@code hold.retention}):
 * nothing personal, only enough to count what the gateway prevented per month, finding, outcome and
 * department in the register's figures. Written in the same transaction as the decision that ended the hold.
 *
 * @param month      the month the message was held, in {@code hold.time-zone}
 * @param codes      the finding codes that held it, sorted
 * @param outcome    how the hold ended
 * @param department the sender's department ({@code register.departments}); empty when none is configured
 */
public record NearMiss(YearMonth month, List<String> codes, Outcome outcome, String department) {

    public NearMiss {
        codes = codes.stream().distinct().sorted().toList();
        department = department == null ? "" : department;
    }

    /** How a hold ended. Names are stored: add, never rename. */
    public enum Outcome {
        /** Sent after a fix: as Bcc, without a recipient, to the suggested address, without attachments. */
        FIXED,
        /** Sent as it was (with a reason where one is required). */
        SENT_ANYWAY,
        /** Not sent: cancelled, or every recipient removed. */
        CANCELLED,
        /** Not sent: nobody decided in time. */
        EXPIRED,
        /** A delayed message that left by itself when nobody stopped it. */
        DELAY_ELAPSED;

        /** The message did not go out as it was: the slip was prevented. */
        public boolean prevented() {
            return this == FIXED || this == CANCELLED || this == EXPIRED;
        }
    }
}

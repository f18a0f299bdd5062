package nl.lekwacht.hold;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Set;
import nl.lekwacht.config.Departments;

/**
 * Makes the {@link NearMiss} an ending hold leaves behind: the month it was held, the codes that held it
 * (a finding reported only because the sender is still learning did not), the outcome from the decision
 * and the sender's department. Stateless.
 */
final class NearMisses {

    private static final Set<String> FIXES = Set.of(HoldAction.SEND_BCC.formValue(),
            HoldAction.REMOVE_RECIPIENT.formValue(), HoldAction.REPLACE_RECIPIENT.formValue(),
            HoldAction.SEND_WITHOUT_ATTACHMENTS.formValue());

    private final Departments departments;
    private final ZoneId zone;

    NearMisses(Departments departments, ZoneId zone) {
        this.departments = departments;
        this.zone = zone;
    }

    NearMiss ended(HeldMessage hold, HoldStatus status, String action) {
        return new NearMiss(YearMonth.from(hold.createdAt().atZone(zone)),
                hold.details().findings().stream().filter(f -> !"true".equals(f.details().get("learning")))
                        .map(HoldDetails.StoredFinding::code).toList(),
                outcome(status, action), departments.of(hold.sender()).orElse(""));
    }

    static NearMiss.Outcome outcome(HoldStatus status, String action) {
        if (status == HoldStatus.EXPIRED) {
            return NearMiss.Outcome.EXPIRED;
        }
        if (status == HoldStatus.CANCELLED) {
            return NearMiss.Outcome.CANCELLED;
        }
        if (DelayedRelease.ELAPSED.equals(action)) {
            return NearMiss.Outcome.DELAY_ELAPSED;
        }
        return FIXES.contains(action) ? NearMiss.Outcome.FIXED : NearMiss.Outcome.SENT_ANYWAY;
    }
}

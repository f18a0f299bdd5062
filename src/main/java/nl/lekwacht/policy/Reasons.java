package nl.lekwacht.policy;

import nl.lekwacht.inspect.Finding;

/** Sentences that tell a sender what was wrong, for the SMTP reply and the log. No personal data. */
final class Reasons {

    private Reasons() {
    }

    static String describe(Finding finding) {
        String where = finding.where();
        return switch (finding.code()) {
            case BSN -> finding.count() + " citizen service number(s) (BSN) in " + where;
            case IBAN -> finding.count() + " bank account number(s) in " + where;
            case SPECIAL_CATEGORY -> "special category personal data in " + where;
            case VISIBLE_RECIPIENTS -> finding.count() + " external addresses visible in To/Cc; use Bcc";
            case MISDIRECTED_RECIPIENT -> "a recipient resembles a known correspondent but is not one";
            case NEW_RECIPIENT_WITH_PERSONAL_DATA -> "personal data to a domain never mailed before";
            case UNINSPECTABLE_ATTACHMENT -> "attachment could not be inspected: " + where;
        };
    }
}

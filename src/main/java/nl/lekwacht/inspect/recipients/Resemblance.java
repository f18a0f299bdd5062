package nl.lekwacht.inspect.recipients;

import java.util.Locale;

/**
 * Why a recipient looks like a slip for a known correspondent.
 *
 * @param recipient  the recipient as addressed (key)
 * @param suggestion the known address the sender probably meant
 * @param reason     the rule that matched
 * @param why        one sentence for the sender, naming both addresses
 * @param source     {@code sender} when the known address is the sender's own correspondent,
 *                   {@code organisation} when only a colleague mailed it
 * @param score      how strong the evidence is, for rules that weigh it (empty otherwise)
 */
record Resemblance(String recipient, String suggestion, Reason reason, String why, String source, String score) {

    Resemblance(String recipient, String suggestion, Reason reason, String why, String source) {
        this(recipient, suggestion, reason, why, source, "");
    }

    enum Reason {
        SAME_DISPLAY_NAME, SAME_LOCAL_PART_OTHER_DOMAIN, TLD_SWAP, LOOK_ALIKE_DOMAIN, DOMAIN_TYPO,
        LOCAL_PART_TYPO, KNOWN_NAME_AT_CONSUMER_DOMAIN, KNOWN_NAME_NEW_ADDRESS, AUTOCOMPLETE;

        String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}

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
 */
record Resemblance(String recipient, String suggestion, Reason reason, String why, String source) {

    enum Reason {
        SAME_DISPLAY_NAME, SAME_LOCAL_PART_OTHER_DOMAIN, TLD_SWAP, LOOK_ALIKE_DOMAIN, DOMAIN_TYPO,
        LOCAL_PART_TYPO, KNOWN_NAME_AT_CONSUMER_DOMAIN, AUTOCOMPLETE;

        String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}

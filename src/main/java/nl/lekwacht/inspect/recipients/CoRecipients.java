package nl.lekwacht.inspect.recipients;

import java.util.List;
import nl.lekwacht.history.SenderHistory;

/**
 * Whom the other recipients of a message belong with: the people the sender usually copies with a
 * correspondent are evidence that the message is meant for that correspondent. Pure.
 */
final class CoRecipients {

    private CoRecipients() {
    }

    /** True when another recipient than {@code recipient} stood in To/Cc with {@code address} before. */
    static boolean usuallyWith(String address, Recipient recipient, List<Recipient> all, SenderHistory own) {
        for (Recipient other : all) {
            if (!other.key().equals(recipient.key()) && !other.key().equals(address)
                    && own.seenTogether(address, other.key())) {
                return true;
            }
        }
        return false;
    }
}

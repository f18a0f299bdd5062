package nl.lekwacht.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What history takes from one delivered message: its internal sender, when it went out, its external
 * recipients (with the display name the sender's client used) and the external recipients that could
 * see each other.
 *
 * @param sender       {@link AddressKey} of the internal sender
 * @param at           delivery time
 * @param recipients   external recipients, distinct by address
 * @param visibleGroup external recipients that stood in To/Cc together (empty when fewer than two)
 * @param messageKey   {@link MessageKey} of its Message-ID, empty when it had none
 */
public record LearnedMessage(String sender, Instant at, List<LearnedRecipient> recipients,
                             Set<String> visibleGroup, String messageKey) {

    /** One external recipient of a delivered message; {@code displayName} is empty when there was none. */
    public record LearnedRecipient(String address, String displayName) {

        public LearnedRecipient {
            Objects.requireNonNull(address, "address");
            displayName = displayName == null ? "" : displayName.trim();
        }
    }

    public LearnedMessage {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(at, "at");
        recipients = List.copyOf(recipients);
        visibleGroup = visibleGroup.size() < 2 ? Set.of() : Set.copyOf(visibleGroup);
        messageKey = messageKey == null ? "" : messageKey;
    }

    /** A message without a Message-ID. */
    public LearnedMessage(String sender, Instant at, List<LearnedRecipient> recipients, Set<String> visibleGroup) {
        this(sender, at, recipients, visibleGroup, "");
    }

    /** The addresses of its recipients. */
    public Set<String> addresses() {
        Set<String> addresses = new java.util.LinkedHashSet<>();
        recipients.forEach(r -> addresses.add(r.address()));
        return addresses;
    }
}

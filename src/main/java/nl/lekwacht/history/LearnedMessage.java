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
 */
public record LearnedMessage(String sender, Instant at, List<LearnedRecipient> recipients,
                             Set<String> visibleGroup) {

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
    }
}

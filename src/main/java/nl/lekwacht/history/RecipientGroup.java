package nl.lekwacht.history;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * External recipients that could all see each other on one message (they stood together in To/Cc).
 *
 * @param members  address keys, at least two
 * @param messages how many delivered messages went to exactly this set
 * @param lastSent latest of those deliveries
 */
public record RecipientGroup(Set<String> members, long messages, Instant lastSent) {

    public RecipientGroup {
        members = Set.copyOf(members);
        Objects.requireNonNull(lastSent, "lastSent");
    }
}

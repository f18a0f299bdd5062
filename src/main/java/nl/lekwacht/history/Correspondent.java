package nl.lekwacht.history;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One address an internal sender has mailed.
 *
 * @param address      the {@link AddressKey} of the recipient
 * @param messages     how many delivered messages went to it
 * @param firstSent    first delivery
 * @param lastSent     latest delivery
 * @param displayNames display names the sender's client wrote for it (as written, without duplicates)
 */
public record Correspondent(String address, long messages, Instant firstSent, Instant lastSent,
                            Set<String> displayNames) {

    public Correspondent {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(firstSent, "firstSent");
        Objects.requireNonNull(lastSent, "lastSent");
        displayNames = Set.copyOf(displayNames);
    }

    /** This correspondent after one more delivery at {@code at}, possibly under a new display name. */
    Correspondent plus(Instant at, String displayName) {
        Set<String> names = displayNames;
        if (!displayName.isEmpty() && !displayNames.contains(displayName)) {
            java.util.Set<String> more = new java.util.HashSet<>(displayNames);
            more.add(displayName);
            names = more;
        }
        return new Correspondent(address, messages + 1, at.isBefore(firstSent) ? at : firstSent,
                at.isAfter(lastSent) ? at : lastSent, names);
    }
}

package nl.lekwacht.inspect.recipients;

import java.util.HashMap;
import java.util.Map;
import nl.lekwacht.history.AddressKey;
import nl.lekwacht.history.OrganisationHistory;

/**
 * How many addresses known organisation-wide (the shared address book a mail client completes from)
 * start with each one, two and three characters. The fewer addresses share what the sender typed,
 * the more likely a wrong one among them was the line autocomplete offered. Immutable once built.
 */
final class AddressBookPrefixes {

    private final Map<String, Integer> counts = new HashMap<>();
    private final int size;

    AddressBookPrefixes(OrganisationHistory history) {
        int n = 0;
        for (OrganisationHistory.KnownAddress a : history.indexedAddresses()) {
            n++;
            String local = AddressKey.localPart(a.address());
            for (int p = 1; p <= Math.min(AutocompleteIndex.MAX_PREFIX, local.length()); p++) {
                counts.merge(local.substring(0, p), 1, Integer::sum);
            }
        }
        this.size = n;
    }

    /** Known addresses starting with {@code prefix}; at least 1, as the recipient itself is one. */
    int count(String prefix) {
        return Math.max(1, counts.getOrDefault(prefix, 0));
    }

    /** Known addresses in all; at least 1. */
    int size() {
        return Math.max(1, size);
    }
}

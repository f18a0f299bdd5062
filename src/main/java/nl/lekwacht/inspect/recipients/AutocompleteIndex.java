package nl.lekwacht.inspect.recipients;

import java.util.HashMap;
import java.util.Map;
import nl.lekwacht.history.Correspondent;
import nl.lekwacht.history.SenderHistory;

/**
 * A sender's frequent correspondents by the first one, two and three characters of their local part
 * and by first name: what a mail client's autocomplete offers first when those characters are typed.
 * For each key only the most mailed correspondent is kept.
 */
final class AutocompleteIndex {

    static final int MAX_PREFIX = 3;

    private final Map<String, Correspondent> byPrefix = new HashMap<>();
    private final Map<String, Correspondent> byFirstName = new HashMap<>();

    AutocompleteIndex(SenderHistory history, int frequentMessages) {
        for (Correspondent c : history.correspondents()) {
            if (c.messages() < frequentMessages) {
                continue;
            }
            String local = nl.lekwacht.history.AddressKey.localPart(c.address());
            for (int p = 1; p <= Math.min(MAX_PREFIX, local.length()); p++) {
                byPrefix.merge(local.substring(0, p), c, AutocompleteIndex::moreMailed);
            }
            for (String name : c.displayNames()) {
                String first = PersonName.firstWord(PersonName.normalise(name));
                if (first.length() >= 2) {
                    byFirstName.merge(first, c, AutocompleteIndex::moreMailed);
                }
            }
        }
    }

    /** The most mailed frequent correspondent whose local part starts with these characters, or null. */
    Correspondent byPrefix(String prefix) {
        return byPrefix.get(prefix);
    }

    Correspondent byFirstName(String firstName) {
        return firstName.isEmpty() ? null : byFirstName.get(firstName);
    }

    private static Correspondent moreMailed(Correspondent a, Correspondent b) {
        return b.messages() > a.messages() ? b : a;
    }
}

package nl.lekwacht.inspect.recipients;

import java.util.HashMap;
import java.util.Map;
import nl.lekwacht.history.AddressKey;
import nl.lekwacht.history.Correspondent;
import nl.lekwacht.history.SenderHistory;

/**
 * One sender's correspondents by the first one, two and three characters of their local part: what
 * a mail client's autocomplete offers when those characters are typed. Per prefix it keeps the most
 * mailed frequent correspondent (the suggestion), how many messages went to all correspondents with
 * that prefix (how often the sender types it), and how many rarely mailed correspondents share it
 * (the other lines in the sender's own completion list). Immutable once built.
 */
final class AutocompleteIndex {

    static final int MAX_PREFIX = 3;

    /** What one prefix stands for in this sender's mail. */
    record Prefix(Correspondent frequent, long messages, int rare) {
    }

    private static final Prefix NONE = new Prefix(null, 0, 0);

    private final Map<String, Prefix> byPrefix = new HashMap<>();
    private final long messages;

    /**
     * @param frequentMessages a correspondent mailed at least this often can be the suggestion
     * @param rareMessages     a correspondent mailed at most this often counts as rarely mailed
     */
    AutocompleteIndex(SenderHistory history, int frequentMessages, int rareMessages) {
        long total = 0;
        for (Correspondent c : history.correspondents()) {
            total += c.messages();
            String local = AddressKey.localPart(c.address());
            for (int p = 1; p <= Math.min(MAX_PREFIX, local.length()); p++) {
                Prefix before = byPrefix.getOrDefault(local.substring(0, p), NONE);
                Correspondent frequent = c.messages() >= frequentMessages
                        && (before.frequent() == null || c.messages() > before.frequent().messages())
                        ? c : before.frequent();
                byPrefix.put(local.substring(0, p), new Prefix(frequent, before.messages() + c.messages(),
                        before.rare() + (c.messages() <= rareMessages ? 1 : 0)));
            }
        }
        this.messages = total;
    }

    /** The correspondents whose local part starts with these characters. */
    Prefix prefix(String prefix) {
        return byPrefix.getOrDefault(prefix, NONE);
    }

    /** Messages to all correspondents together (a message to two counts twice). */
    long messages() {
        return messages;
    }
}

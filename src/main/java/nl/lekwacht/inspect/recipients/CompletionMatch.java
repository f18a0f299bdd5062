package nl.lekwacht.inspect.recipients;

import java.util.Set;
import nl.lekwacht.history.AddressKey;

/**
 * How a mail client's completion could have turned what the sender typed for a known correspondent
 * into another address: both local parts start with the same characters, or both people have the same
 * first name (clients complete on the display name as well as on the address). Pure.
 *
 * @param prefix    characters the two local parts share from the start
 * @param firstName the first name both share (empty when none)
 */
record CompletionMatch(int prefix, String firstName) {

    /** A first name this short matches too many other names and words to count. */
    static final int MIN_FIRST_NAME = 3;

    static final CompletionMatch NONE = new CompletionMatch(0, "");

    /**
     * @param recipient      the address in the message (key) with the display name it carries
     * @param knownAddress   a correspondent's address (key)
     * @param knownNames     the display names the sender's client wrote for that correspondent
     */
    static CompletionMatch of(String recipient, String recipientName, String knownAddress, Set<String> knownNames) {
        String local = AddressKey.localPart(recipient);
        String knownLocal = AddressKey.localPart(knownAddress);
        int prefix = 0;
        while (prefix < local.length() && prefix < knownLocal.length()
                && local.charAt(prefix) == knownLocal.charAt(prefix)) {
            prefix++;
        }
        String first = firstName(knownLocal, knownNames);
        boolean sameFirst = first.length() >= MIN_FIRST_NAME
                && (first.equals(PersonName.firstWord(PersonName.normalise(recipientName)))
                || first.length() > MIN_FIRST_NAME && PersonName.letters(local).startsWith(first));
        return new CompletionMatch(prefix, sameFirst ? first : "");
    }

    /** At least this strong: {@code prefix} shared characters, or the same first name. */
    boolean atLeast(int prefixLength) {
        return prefix >= prefixLength || !firstName.isEmpty();
    }

    /** The correspondent's first name: from a two-word display name, else from a local part like {@code jan.jansen}. */
    private static String firstName(String local, Set<String> names) {
        for (String name : names) {
            String first = PersonName.firstWord(PersonName.normalise(name));
            if (first.length() >= MIN_FIRST_NAME) {
                return first;
            }
        }
        int separator = indexOfSeparator(local);
        return separator > MIN_FIRST_NAME - 1 ? PersonName.letters(local.substring(0, separator)) : "";
    }

    private static int indexOfSeparator(String local) {
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c == '.' || c == '_' || c == '-') {
                return i;
            }
        }
        return -1;
    }
}

package nl.lekwacht.inspect.recipients;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.lekwacht.history.AddressKey;
import nl.lekwacht.history.OrganisationHistory;

/**
 * How many addresses known organisation-wide (the address book a client completes from) start with a
 * given stem, of any length: the local part as written ({@code jan.}) or its letters alone ({@code jan}
 * for {@code jan.bakker}, {@code jan_b}, {@code janbakker70}). Two sorted arrays, counted by binary
 * search. Immutable once built.
 */
final class AddressBookStems {

    private final String[] locals;
    private final String[] letters;

    AddressBookStems(OrganisationHistory history) {
        List<String> l = new ArrayList<>();
        List<String> t = new ArrayList<>();
        for (OrganisationHistory.KnownAddress a : history.indexedAddresses()) {
            String local = AddressKey.localPart(a.address());
            l.add(local);
            t.add(PersonName.letters(local));
        }
        locals = l.toArray(String[]::new);
        letters = t.toArray(String[]::new);
        Arrays.sort(locals);
        Arrays.sort(letters);
    }

    /** Known local parts starting with {@code stem}. */
    int startingWith(String stem) {
        return count(locals, stem);
    }

    /** Known local parts whose letters start with {@code stem} (letters only, lower case). */
    int lettersStartingWith(String stem) {
        return count(letters, stem);
    }

    private static int count(String[] sorted, String stem) {
        if (stem.isEmpty()) {
            return sorted.length;
        }
        // every string starting with stem sorts between stem itself and stem followed by the highest char
        return insertionPoint(sorted, stem + Character.MAX_VALUE) - insertionPoint(sorted, stem);
    }

    private static int insertionPoint(String[] sorted, String key) {
        int i = Arrays.binarySearch(sorted, key);
        if (i >= 0) {
            while (i > 0 && sorted[i - 1].equals(key)) {
                i--;
            }
            return i;
        }
        return -i - 1;
    }
}

package nl.lekwacht.inspect.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.lekwacht.inspect.Severity;
import nl.lekwacht.message.TextPart;

/**
 * Decides which candidates in one text part are BSNs, and how sure that is:
 * <ul>
 *   <li>a number labelled as another kind of number (the nearest label before it on its line or in its
 *       cell, or its column heading, is {@code klantnummer}, {@code betalingskenmerk}, ...), an amount,
 *       a number in a link or a dial-in code is never a BSN ({@link NumberLabels});</li>
 *   <li>HIGH: a valid number labelled as a BSN, with a BSN keyword within {@code proximity}
 *       characters (not one in a sentence that says no BSN is here, {@link Disclaimers}), in a column
 *       headed by a BSN keyword, or in a table row that names it;</li>
 *   <li>MEDIUM: a valid number in a list or neutral column that holds at least {@code minListSize}
 *       distinct valid numbers of which at least {@code minValidShare} pass the 11-proef, when the list
 *       looks like people ({@link PeopleSigns}) or is a bare column of {@code minBareColumn} numbers;
 *       and a valid number on a line that names a person twice over, or in a Subject or file name;</li>
 *   <li>anything else, such as one valid number without context, is not reported.</li>
 * </ul>
 * Keywords are only looked for around valid candidates, so text without them costs nothing here.
 * Thread-safe: holds only immutable settings and matchers.
 */
final class BsnClassifier {

    /** A text this short and on one line is a Subject, a file name or a one-line note. */
    static final int SHORT_TEXT = 160;
    /** A bare column must be this valid: random numbers pass the 11-proef one time in eleven. */
    static final double BARE_VALID_SHARE = 0.95;

    private final BsnSettings settings;
    private final TermMatcher keywords;
    private final TermMatcher labels;
    private final NumberLabels numberLabels;

    BsnClassifier(BsnSettings settings) {
        this.settings = settings;
        this.keywords = new TermMatcher(settings.keywords());
        this.labels = new TermMatcher(settings.otherLabels());
        this.numberLabels = new NumberLabels(keywords, labels, settings.labelReach());
    }

    /** @return the BSNs found (value to severity), in the order they first appear */
    Map<Integer, Severity> classify(TextPart part, List<Candidate> all) {
        List<Candidate> candidates = new ArrayList<>(all.size());
        boolean anyValid = false;
        for (Candidate c : all) {
            if (!settings.ignore().contains(c.value())) {
                candidates.add(c);
                anyValid |= c.valid();
            }
        }
        Map<Integer, Severity> found = new LinkedHashMap<>();
        if (!anyValid) {
            return found;
        }
        String text = part.text();
        TableColumns table = new TableColumns(text, part.tabular(), candidates, keywords, labels);
        List<Candidate> outsideTables = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).valid() && table.kind(i) == TableColumns.Kind.NONE) {
                outsideTables.add(candidates.get(i));
            }
        }
        KeywordPositions near = new KeywordPositions(text, outsideTables, keywords, settings.proximity());
        Map<Integer, Group> groups = new LinkedHashMap<>();
        List<Candidate> alone = new ArrayList<>();
        // signs of people on each valid candidate's line, read once: the list test and aboutSomeone both ask
        int[] peopleSigns = new int[candidates.size()];
        List<Integer> aloneSigns = new ArrayList<>();
        int list = -1;
        int previousEnd = Integer.MIN_VALUE / 2;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            TableColumns.Kind kind = table.kind(i);
            if (kind == TableColumns.Kind.OTHER) {
                continue;
            }
            NumberLabels.Label label = c.valid() ? numberLabels.of(text, c, previousEnd) : NumberLabels.Label.NONE;
            if (label == NumberLabels.Label.OTHER) {
                continue;
            }
            int groupKey;
            if (c.valid()) {
                peopleSigns[i] = PeopleSigns.onLine(text, lineStart(text, c), lineEnd(text, c));
            }
            boolean people = peopleSigns[i] > 0;
            if (kind != TableColumns.Kind.NONE) {
                if (c.valid() && (kind == TableColumns.Kind.BSN || label == NumberLabels.Label.BSN
                        || table.rowHasKeyword(i))) {
                    found.put(c.value(), Severity.HIGH);
                }
                groupKey = table.column(i);
                people |= c.valid() && table.headingHasPeople(i);
            } else {
                if (c.valid() && (label == NumberLabels.Label.BSN || near.isNear(c))) {
                    found.put(c.value(), Severity.HIGH);
                }
                if (c.start() - previousEnd > settings.listGap()) {
                    list--;
                }
                groupKey = list;
            }
            if (c.valid() && !found.containsKey(c.value())) {
                alone.add(c);
                aloneSigns.add(peopleSigns[i]);
            }
            previousEnd = c.end();
            groups.computeIfAbsent(groupKey, k -> new Group()).add(c, people);
        }
        for (Group group : groups.values()) {
            if (group.isList(settings)) {
                group.valid.forEach(v -> found.putIfAbsent(v, Severity.MEDIUM));
            }
        }
        for (int a = 0; a < alone.size(); a++) {
            Candidate c = alone.get(a);
            if (!found.containsKey(c.value()) && aboutSomeone(part, aloneSigns.get(a))) {
                found.put(c.value(), Severity.MEDIUM);
            }
        }
        return found;
    }

    /**
     * A valid number without keyword that is still a BSN by its context: on a line that names a person in
     * two ways (initials and a date of birth, say), or the number of a short one-line text such as a
     * Subject or a file name ({@code Jacobs / 941738607 / herindicatie}), where a number no label names
     * is the reference of the person the mail is about.
     */
    private static boolean aboutSomeone(TextPart part, int peopleSigns) {
        String text = part.text();
        if (peopleSigns >= 2) {
            return true;
        }
        boolean label = part.partId().equals(TextPart.HEADER) || part.where().startsWith("attachment:");
        return label && text.length() <= SHORT_TEXT && text.indexOf('\n') < 0;
    }

    /**
     * The start of the candidate's line, at most half a {@link PeopleSigns#MAX_LINE} before it. Searched
     * back only that far: a text without line breaks (a PDF's running text) would otherwise be read
     * back to its start for every candidate.
     */
    private static int lineStart(String text, Candidate c) {
        int limit = Math.max(0, c.start() - PeopleSigns.MAX_LINE / 2);
        for (int i = Math.min(c.start(), text.length() - 1); i >= limit; i--) {
            if (text.charAt(i) == '\n') {
                return i + 1;
            }
        }
        return limit;
    }

    /** The end of the candidate's line, at most half a {@link PeopleSigns#MAX_LINE} after it. */
    private static int lineEnd(String text, Candidate c) {
        int limit = Math.min(text.length(), c.end() + PeopleSigns.MAX_LINE / 2);
        for (int i = c.end(); i < limit; i++) {
            if (text.charAt(i) == '\n') {
                return i;
            }
        }
        return limit;
    }

    /** The numbers of one list or column. */
    private static final class Group {
        private final Set<Integer> valid = new LinkedHashSet<>();
        private int total;
        private int validCount;
        private int people;

        void add(Candidate c, boolean aboutPeople) {
            total++;
            if (c.valid()) {
                validCount++;
                valid.add(c.value());
                people += aboutPeople ? 1 : 0;
            }
        }

        /**
         * Enough valid numbers, and a list of people: at least half of its numbers on lines that name
         * someone, or a bare column so long and so valid that only BSNs make it (the worst export to leak).
         */
        boolean isList(BsnSettings settings) {
            if (valid.size() < settings.minListSize() || validCount < settings.minValidShare() * total) {
                return false;
            }
            return people * 2 >= validCount
                    || (valid.size() >= settings.minBareColumn() && validCount >= BARE_VALID_SHARE * total);
        }
    }
}

package nl.lekwacht.inspect.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import nl.lekwacht.inspect.Severity;
import nl.lekwacht.message.TextPart;

/**
 * Decides which candidates in one text part are BSNs, and how sure that is:
 * <ul>
 *   <li>a number labelled as another kind of number (the nearest label before it on its line or in its
 *       cell, or its column heading, is {@code klantnummer}, {@code betalingskenmerk}, ...), an amount,
 *       a number in a link or a dial-in code is never a BSN ({@link NumberLabels}); in a Subject or file
 *       name too, where an unlabelled number is reported;</li>
 *   <li>an unlabelled number in a list under a heading that names things ({@code Serienummers:},
 *       {@code Inventarisnummers}) is a device's or an article's, not a person's ({@link ThingHeadings});</li>
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
    private final TermMatcher things = new TermMatcher(ThingHeadings.THINGS);

    BsnClassifier(BsnSettings settings) {
        this.settings = settings;
        this.keywords = new TermMatcher(settings.keywords());
        this.labels = new TermMatcher(settings.otherLabels());
        this.numberLabels = new NumberLabels(keywords, labels, settings.labelReach());
    }

    /** @return the BSNs found (value and severity), in the order they first appear */
    FoundNumbers classify(TextPart part, List<Candidate> all) {
        List<Candidate> candidates = settings.ignore().isEmpty() ? all : notIgnored(all);
        boolean anyValid = false;
        for (Candidate c : candidates) {
            anyValid |= c.valid();
        }
        FoundNumbers found = new FoundNumbers(16);
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
        ThingHeadings headings = new ThingHeadings(text, things, keywords);
        Map<Integer, Group> groups = new LinkedHashMap<>();
        int lastKey = 0;
        Group lastGroup = null;
        List<Candidate> alone = new ArrayList<>();
        int list = -1;
        int previousEnd = Integer.MIN_VALUE / 2;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            TableColumns.Kind kind = table.kind(i);
            if (kind == TableColumns.Kind.OTHER) {
                continue;
            }
            if (kind == TableColumns.Kind.NONE) {
                headings.advance(c);
            }
            NumberLabels.Label label = c.valid() ? numberLabels.of(text, c, previousEnd) : NumberLabels.Label.NONE;
            if (label == NumberLabels.Label.OTHER) {
                continue;
            }
            if (label == NumberLabels.Label.NONE && kind == TableColumns.Kind.NONE && c.valid()
                    && headings.underThings()) {
                // a device's or an article's number: in no list, and no keyword nearby names it; only a
                // line that names a person twice over still makes it a BSN
                alone.add(c);
                continue;
            }
            int groupKey;
            if (kind != TableColumns.Kind.NONE) {
                if (c.valid() && (kind == TableColumns.Kind.BSN || label == NumberLabels.Label.BSN
                        || table.rowHasKeyword(i))) {
                    found.put(c.value(), Severity.HIGH);
                }
                groupKey = table.column(i);
            } else {
                if (c.valid() && (label == NumberLabels.Label.BSN || near.isNear(c))) {
                    found.put(c.value(), Severity.HIGH);
                }
                if (c.start() - previousEnd > settings.listGap()) {
                    list--;
                }
                groupKey = list;
            }
            if (c.valid() && !found.contains(c.value())) {
                alone.add(c);
            }
            previousEnd = c.end();
            if (lastGroup == null || groupKey != lastKey) {
                lastGroup = groups.computeIfAbsent(groupKey, k -> new Group());
                lastKey = groupKey;
            }
            lastGroup.add(c, i);
        }
        // whether a line names someone is asked only of a list that could still add a number
        IntPredicate aboutPeople = i -> aboutPeople(text, candidates.get(i)) || (table.kind(i) != TableColumns.Kind.NONE
                && table.headingHasPeople(i));
        for (Group group : groups.values()) {
            if (!group.allIn(found) && group.isList(settings, aboutPeople)) {
                for (int v = 0; v < group.valid.size(); v++) {
                    found.putIfAbsent(group.valid.get(v), Severity.MEDIUM);
                }
            }
        }
        for (Candidate c : alone) {
            if (!found.contains(c.value()) && aboutSomeone(part, c)) {
                found.put(c.value(), Severity.MEDIUM);
            }
        }
        return found;
    }

    private List<Candidate> notIgnored(List<Candidate> all) {
        List<Candidate> kept = new ArrayList<>(all.size());
        for (Candidate c : all) {
            if (!settings.ignore().contains(c.value())) {
                kept.add(c);
            }
        }
        return kept;
    }

    /**
     * A valid number without keyword that is still a BSN by its context: on a line that names a person in
     * two ways (initials and a date of birth, say), or the number of a short one-line text such as a
     * Subject or a file name ({@code Jacobs / 941738607 / herindicatie}), where a number no label names
     * is the reference of the person the mail is about.
     */
    private static boolean aboutSomeone(TextPart part, Candidate c) {
        String text = part.text();
        if (PeopleSigns.onLine(text, lineStart(text, c), lineEnd(text, c), 2) >= 2) {
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

    /** A sign of a person on the candidate's line. */
    private static boolean aboutPeople(String text, Candidate c) {
        return PeopleSigns.onLine(text, lineStart(text, c), lineEnd(text, c), 1) > 0;
    }

    /** The numbers of one list or column. */
    private static final class Group {
        private final IntOrderedSet valid = new IntOrderedSet();
        /** The valid candidates (indices), repeats included. */
        private int[] members = new int[8];
        private int total;
        private int validCount;

        void add(Candidate c, int index) {
            total++;
            if (c.valid()) {
                if (validCount == members.length) {
                    members = Arrays.copyOf(members, validCount * 2);
                }
                members[validCount++] = index;
                valid.add(c.value());
            }
        }

        /** True when every number of the group is found already: whether it is a list changes nothing. */
        boolean allIn(FoundNumbers found) {
            for (int v = 0; v < valid.size(); v++) {
                if (!found.contains(valid.get(v))) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Enough valid numbers, and a list of people: at least half of its numbers on lines that name
         * someone ({@code aboutPeople}, asked only when the rest holds), or a bare column so long and so
         * valid that only BSNs make it (the worst export to leak).
         */
        boolean isList(BsnSettings settings, IntPredicate aboutPeople) {
            if (valid.size() < settings.minListSize() || validCount < settings.minValidShare() * total) {
                return false;
            }
            if (valid.size() >= settings.minBareColumn() && validCount >= BARE_VALID_SHARE * total) {
                return true;
            }
            int people = 0;
            for (int k = 0; k < validCount && people * 2 < validCount; k++) {
                people += aboutPeople.test(members[k]) ? 1 : 0;
            }
            return people * 2 >= validCount;
        }
    }
}

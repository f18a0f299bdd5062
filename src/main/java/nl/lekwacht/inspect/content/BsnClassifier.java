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
 *   <li>a number labelled as another kind of number (the nearest label before it on its line, or its
 *       column heading, is {@code klantnummer}, {@code KvK}, ...) is never a BSN;</li>
 *   <li>HIGH: a valid number labelled as a BSN, with a BSN keyword within {@code proximity}
 *       characters, in a column headed by a BSN keyword, or in a table row that names it;</li>
 *   <li>MEDIUM: a valid number in a list or neutral column that holds at least {@code minListSize}
 *       distinct valid numbers of which at least {@code minValidShare} pass the 11-proef;</li>
 *   <li>anything else, such as one valid number without context, is not reported.</li>
 * </ul>
 * Keywords are only looked for around valid candidates, so text without them costs nothing here.
 * Thread-safe: holds only immutable settings and matchers.
 */
final class BsnClassifier {

    private final BsnSettings settings;
    private final TermMatcher keywords;
    private final TermMatcher labels;

    BsnClassifier(BsnSettings settings) {
        this.settings = settings;
        this.keywords = new TermMatcher(settings.keywords());
        this.labels = new TermMatcher(settings.otherLabels());
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
        int list = -1;
        int previousEnd = Integer.MIN_VALUE / 2;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            int groupKey;
            if (table.kind(i) != TableColumns.Kind.NONE) {
                if (table.kind(i) == TableColumns.Kind.OTHER) {
                    continue;
                }
                if (c.valid() && (table.kind(i) == TableColumns.Kind.BSN || table.rowHasKeyword(i))) {
                    found.put(c.value(), Severity.HIGH);
                }
                groupKey = table.column(i);
            } else {
                Label label = c.valid() ? label(text, c, previousEnd) : Label.NONE;
                if (label == Label.OTHER) {
                    continue;
                }
                if (c.valid() && (label == Label.BSN || near.isNear(c))) {
                    found.put(c.value(), Severity.HIGH);
                }
                if (c.start() - previousEnd > settings.listGap()) {
                    list--;
                }
                groupKey = list;
            }
            previousEnd = c.end();
            groups.computeIfAbsent(groupKey, k -> new Group()).add(c);
        }
        for (Group group : groups.values()) {
            if (group.isList(settings)) {
                group.valid.forEach(v -> found.putIfAbsent(v, Severity.MEDIUM));
            }
        }
        return found;
    }

    private enum Label { NONE, BSN, OTHER }

    /** The nearest label before the number, on its own line and after the previous number. */
    private Label label(String text, Candidate c, int previousEnd) {
        int from = Math.max(Math.max(0, c.start() - settings.labelReach()), previousEnd);
        for (int i = c.start() - 1; i >= from; i--) {
            if (text.charAt(i) == '\n') {
                from = i + 1;
                break;
            }
        }
        if (from >= c.start()) {
            return Label.NONE;
        }
        int lastBsn = lastEnd(keywords.findAll(text, from, c.start()));
        int lastOther = lastEnd(labels.findAll(text, from, c.start()));
        if (lastBsn < 0 && lastOther < 0) {
            return Label.NONE;
        }
        return lastOther > lastBsn ? Label.OTHER : Label.BSN;
    }

    private static int lastEnd(List<TermMatcher.Match> matches) {
        return matches.isEmpty() ? -1 : matches.get(matches.size() - 1).start();
    }

    /** The numbers of one list or column. */
    private static final class Group {
        private final Set<Integer> valid = new LinkedHashSet<>();
        private int total;
        private int validCount;

        void add(Candidate c) {
            total++;
            if (c.valid()) {
                validCount++;
                valid.add(c.value());
            }
        }

        boolean isList(BsnSettings settings) {
            return valid.size() >= settings.minListSize() && validCount >= settings.minValidShare() * total;
        }
    }
}

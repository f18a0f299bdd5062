package nl.lekwacht.inspect.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Places candidates in table columns. A tabular text part (spreadsheet, CSV) is one table whose first
 * line holds the headings; in other text, a run of consecutive tab-separated lines (an HTML table in
 * the body) is one. A column is a BSN column when its heading holds a BSN keyword, an other-number
 * column when its heading holds a label such as {@code Klantnummer}, {@code Asset tag} or a compound such
 * as {@code Objectnummer} ({@link CompoundNumberWords}), and neutral otherwise. A later
 * row without any digit that names a column again (a second table in the same sheet) re-heads it.
 *
 * <p>One instance per text part and inspection; not shared.
 */
final class TableColumns {

    enum Kind { NONE, BSN, OTHER, NEUTRAL }

    private final String text;
    private final TermMatcher keywords;
    private final TermMatcher labels;
    /** Per candidate: column id (table index × 10,000 + column), or -1 outside tables. */
    private final int[] columnOf;
    private final Kind[] kindOf;
    /** Per candidate: the start of its line and the line's end. */
    private final int[] lineStart;
    private final int[] lineEnd;
    /** Per candidate: its table's heading line (start, end), or -1. */
    private final int[] headStart;
    private final int[] headEnd;
    /** The heading last asked about and its answer: every row of a table asks about the same one. */
    private int lastHeading = -1;
    private boolean lastHeadingHasPeople;

    TableColumns(String text, boolean tabular, List<Candidate> candidates, TermMatcher keywords, TermMatcher labels) {
        this.text = text;
        this.keywords = keywords;
        this.labels = labels;
        int count = candidates.size();
        this.columnOf = new int[count];
        this.kindOf = new Kind[count];
        this.lineStart = new int[count];
        this.lineEnd = new int[count];
        this.headStart = new int[count];
        this.headEnd = new int[count];
        Arrays.fill(headStart, -1);
        Arrays.fill(columnOf, -1);
        Arrays.fill(kindOf, Kind.NONE);
        if (tabular || text.indexOf('\t') >= 0) {
            assign(tabular, candidates);
        }
    }

    int column(int candidate) {
        return columnOf[candidate];
    }

    Kind kind(int candidate) {
        return kindOf[candidate];
    }

    /** True when the candidate's table row holds a BSN keyword outside other-number columns. */
    boolean rowHasKeyword(int candidate) {
        return keywords.containsAny(text, lineStart[candidate], lineEnd[candidate]);
    }

    /** True when the heading of the candidate's table names a column about people (Naam, Geboortedatum). */
    boolean headingHasPeople(int candidate) {
        int from = headStart[candidate];
        if (from < 0) {
            return false;
        }
        if (from != lastHeading) {
            lastHeading = from;
            lastHeadingHasPeople = PeopleSigns.inHeading(text, from, headEnd[candidate]);
        }
        return lastHeadingHasPeople;
    }

    private void assign(boolean tabular, List<Candidate> candidates) {
        int next = 0;
        int table = -1;
        List<Kind> headings = new ArrayList<>();
        boolean inTable = false;
        int headFrom = -1;
        int headTo = -1;
        int lineFrom = 0;
        int n = text.length();
        int nextTab = text.indexOf('\t');
        while (lineFrom <= n && next < candidates.size()) {
            int lineTo = text.indexOf('\n', lineFrom);
            if (lineTo < 0) {
                lineTo = n;
            }
            if (nextTab >= 0 && nextTab < lineFrom) {
                nextTab = text.indexOf('\t', lineFrom);
            }
            boolean hasTab = nextTab >= 0 && nextTab < lineTo;
            boolean blank = isBlank(lineFrom, lineTo);
            boolean tableLine = tabular || hasTab || (inTable && blank);
            if (tableLine && !inTable && !blank) {
                inTable = true;
                table++;
                headings.clear();
                head(lineFrom, lineTo, headings, true);
                headFrom = lineFrom;
                headTo = lineTo;
            } else if (tableLine && inTable && !blank && !hasDigit(lineFrom, lineTo)) {
                head(lineFrom, lineTo, headings, false);
            } else if (!tableLine) {
                inTable = false;
            }
            while (next < candidates.size() && candidates.get(next).start() < lineTo + 1) {
                Candidate c = candidates.get(next);
                lineStart[next] = lineFrom;
                lineEnd[next] = lineTo;
                if (inTable && c.start() >= lineFrom) {
                    int column = columnAt(lineFrom, c.start());
                    columnOf[next] = table * 10_000 + Math.min(column, 9_999);
                    kindOf[next] = column < headings.size() ? headings.get(column) : Kind.NEUTRAL;
                    headStart[next] = headFrom;
                    headEnd[next] = headTo;
                }
                next++;
            }
            lineFrom = lineTo + 1;
        }
    }

    private void head(int from, int to, List<Kind> headings, boolean first) {
        int column = 0;
        int cellFrom = from;
        while (cellFrom <= to) {
            int tab = text.indexOf('\t', cellFrom);
            int cellTo = tab < 0 || tab > to ? to : tab;
            Kind kind = keywords.containsAny(text, cellFrom, cellTo) ? Kind.BSN
                    : labels.containsAny(text, cellFrom, cellTo) || CompoundNumberWords.containsAny(text, cellFrom, cellTo)
                    ? Kind.OTHER : Kind.NEUTRAL;
            while (headings.size() <= column) {
                headings.add(Kind.NEUTRAL);
            }
            if (first || kind != Kind.NEUTRAL) {
                headings.set(column, kind);
            }
            column++;
            cellFrom = cellTo + 1;
        }
    }

    private int columnAt(int from, int position) {
        int column = 0;
        for (int i = from; i < position; i++) {
            if (text.charAt(i) == '\t') {
                column++;
            }
        }
        return column;
    }

    private boolean isBlank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean hasDigit(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }
}

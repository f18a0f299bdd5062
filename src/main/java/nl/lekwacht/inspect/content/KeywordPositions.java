package nl.lekwacht.inspect.content;

import java.util.List;

/**
 * Where BSN keywords occur near valid candidates; a keyword in a sentence that says no BSN is here
 * ({@link Disclaimers}) does not count. Only the windows of {@code proximity} characters
 * around valid candidates are searched (merged where they overlap), so a long text with a handful of
 * numbers is searched only around those numbers. Built per text part; not shared.
 */
final class KeywordPositions {

    private final int proximity;
    private final int[] starts;
    private final int[] ends;
    private final int size;

    KeywordPositions(String text, List<Candidate> candidates, TermMatcher keywords, int proximity) {
        this.proximity = proximity;
        int capacity = 16;
        int[] s = new int[capacity];
        int[] e = new int[capacity];
        int count = 0;
        int windowFrom = -1;
        int windowTo = -1;
        for (int i = 0; i <= candidates.size(); i++) {
            Candidate c = i < candidates.size() ? candidates.get(i) : null;
            if (c != null && !c.valid()) {
                continue;
            }
            int from = c == null ? Integer.MAX_VALUE : Math.max(0, c.start() - proximity - 64);
            if (windowTo >= 0 && from > windowTo) {
                for (TermMatcher.Match m : keywords.findAll(text, windowFrom, windowTo)) {
                    if (Disclaimers.isDisclaimer(text, m.start(), m.end())) {
                        continue;
                    }
                    if (count == s.length) {
                        s = java.util.Arrays.copyOf(s, count * 2);
                        e = java.util.Arrays.copyOf(e, count * 2);
                    }
                    s[count] = m.start();
                    e[count] = m.end();
                    count++;
                }
                windowTo = -1;
            }
            if (c == null) {
                break;
            }
            if (windowTo < 0) {
                windowFrom = from;
            }
            windowTo = Math.max(windowTo, Math.min(text.length(), c.end() + proximity));
        }
        this.starts = s;
        this.ends = e;
        this.size = count;
    }

    /** True when a keyword ends at most {@code proximity} characters before or starts that far after. */
    boolean isNear(Candidate c) {
        int lo = 0;
        int hi = size - 1;
        int first = size;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] >= c.start() - proximity) {
                first = mid;
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return first < size && starts[first] <= c.end() + proximity;
    }
}

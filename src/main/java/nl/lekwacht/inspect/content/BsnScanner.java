package nl.lekwacht.inspect.content;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds every number written the way a BSN may be written, in one pass over the characters and
 * without regular expressions. A <em>chain</em> is digit groups on one line joined by separators: a dot,
 * a dash or a slash (tight), or up to three spaces and comb-box bars ({@code |}). The chain is read in
 * space-separated segments:
 * <ul>
 *   <li>a segment of one group of nine digits, or eight (read with the leading zero a spreadsheet dropped);</li>
 *   <li>a tight segment of two to four groups with one kind of dot or dash and nine digits in all
 *       ({@code 1234.56.782}, {@code 123-456-782}), or eight digits in the shapes {@code 123.45.678} and
 *       {@code 12.345.678}; a slash never (dates);</li>
 *   <li>a run of two or more short groups separated by spaces that holds exactly nine digits in all,
 *       whatever the grouping: {@code 123 456 782}, {@code 123 45 6782}, {@code 1234 56 782},
 *       {@code 883 417388} and comb boxes {@code |1|2|3|4|5|6|7|8|2|}. A run of more digits
 *       ({@code 1 234 567 890}) is not a candidate.</li>
 * </ul>
 * A chain glued to letters (IBAN {@code NL91ABNA...}, btw {@code NL123456782B01}), following a {@code +}
 * or {@code (0)}, or opened by a short group that starts with 0 or is 31 (phone numbers {@code 06 ..},
 * {@code 0031 6 ..}) yields no candidate, unless the whole chain is nine digits ({@code 016 255 173}). Whether a candidate is a BSN is for the 11-proef and the
 * context to decide. A number broken over a line end is joined before this scan (the text model does that).
 *
 * <p>Stateless and thread-safe.
 */
final class BsnScanner {

    private static final int MAX_GROUPS = 24;
    private static final int MAX_SPACE_SEPARATOR = 3;
    private static final char SPACE = ' ';

    /** Candidates in text order, valid or not (the share of valid ones matters for lists). */
    List<Candidate> scan(String text) {
        List<Candidate> found = new ArrayList<>();
        Chain chain = new Chain();
        char[] chars = text.toCharArray();
        int n = chars.length;
        int i = 0;
        while (i < n) {
            if (!isDigit(chars[i])) {
                i++;
                continue;
            }
            i = chain.read(chars, i, found);
        }
        return found;
    }

    /** The groups of one chain; reused between chains of one scan. */
    private static final class Chain {
        final int[] starts = new int[MAX_GROUPS];
        final int[] ends = new int[MAX_GROUPS];
        /** The separator before each group: 0 for the first, {@link #SPACE} for spaces and bars, else the char. */
        final char[] separators = new char[MAX_GROUPS];
        int groups;

        int read(char[] text, int begin, List<Candidate> found) {
            int n = text.length;
            groups = 0;
            int p = begin;
            char separator = 0;
            boolean overflow = false;
            while (true) {
                int s = p;
                while (p < n && isDigit(text[p])) {
                    p++;
                }
                if (groups < MAX_GROUPS) {
                    starts[groups] = s;
                    ends[groups] = p;
                    separators[groups] = separator;
                    groups++;
                } else {
                    overflow = true;
                }
                int next = separatorEnd(text, p);
                if (next > p && next < n && isDigit(text[next])) {
                    separator = next - p == 1 && isTight(text[p]) ? text[p] : SPACE;
                    p = next;
                    continue;
                }
                break;
            }
            if (overflow || gluedBefore(text, begin)) {
                return p;
            }
            candidates(text, gluedAfter(text, p), found);
            return p;
        }

        private void candidates(char[] text, boolean gluedAfter, List<Candidate> found) {
            int runStart = -1;
            int runDigits = 0;
            int g = 0;
            while (g < groups) {
                int segmentEnd = g;
                while (segmentEnd + 1 < groups && separators[segmentEnd + 1] != SPACE) {
                    segmentEnd++;
                }
                boolean last = segmentEnd == groups - 1;
                if (g == 0 && !last && segmentEnd == 0 && looksLikeDialPrefix(text, 0) && totalDigits() != 9) {
                    return;
                }
                int length = length(g);
                if (segmentEnd == g && length < 8) {
                    if (runStart < 0) {
                        runStart = g;
                        runDigits = 0;
                    }
                    runDigits += length;
                } else {
                    closeRun(text, runStart, g - 1, runDigits, found);
                    runStart = -1;
                    if (!(last && gluedAfter) && hasTightForm(g, segmentEnd)) {
                        add(text, g, segmentEnd, found);
                    }
                }
                g = segmentEnd + 1;
            }
            if (!gluedAfter) {
                closeRun(text, runStart, groups - 1, runDigits, found);
            }
        }

        private void closeRun(char[] text, int from, int to, int digits, List<Candidate> found) {
            if (from >= 0 && to > from && digits == 9) {
                add(text, from, to, found);
            }
        }

        /** One group of 8 or 9 digits, or a dotted or dashed grouping of them. */
        private boolean hasTightForm(int a, int b) {
            if (a == b) {
                int length = length(a);
                return length == 9 || length == 8;
            }
            if (b - a > 3) {
                return false;
            }
            char sep = separators[a + 1];
            if (sep != '.' && sep != '-') {
                return false;
            }
            int digits = 0;
            for (int g = a; g <= b; g++) {
                if (separators[g] != sep && g > a) {
                    return false;
                }
                digits += length(g);
            }
            if (digits == 9) {
                return true;
            }
            return digits == 8 && b - a == 2 && length(a + 1) + length(a) == 5 && length(b) == 3;
        }

        private void add(char[] text, int a, int b, List<Candidate> found) {
            int value = 0;
            for (int g = a; g <= b; g++) {
                for (int k = starts[g]; k < ends[g]; k++) {
                    value = value * 10 + (text[k] - '0');
                }
            }
            found.add(new Candidate(starts[a], ends[b], value, BsnMask.elevenProof(value)));
        }

        /** {@code 06 12345678}, {@code 0031 6 ...}, {@code 31 6 ...}: a country or area code opens the chain. */
        private boolean looksLikeDialPrefix(char[] text, int g) {
            int length = length(g);
            if (length > 4 || length < 2) {
                return false;
            }
            char first = text[starts[g]];
            return first == '0' || (length == 2 && first == '3' && text[starts[g] + 1] == '1');
        }

        private int totalDigits() {
            int digits = 0;
            for (int g = 0; g < groups; g++) {
                digits += length(g);
            }
            return digits;
        }

        private int length(int g) {
            return ends[g] - starts[g];
        }
    }

    /**
     * Where the separator starting at {@code p} ends: one dot, dash or slash, or up to
     * {@link #MAX_SPACE_SEPARATOR} spaces and bars with at most one bar; {@code p} when there is none.
     */
    private static int separatorEnd(char[] text, int p) {
        int n = text.length;
        if (p >= n) {
            return p;
        }
        if (isTight(text[p])) {
            return p + 1;
        }
        int q = p;
        int bars = 0;
        while (q < n && q - p < MAX_SPACE_SEPARATOR && (isSpace(text[q]) || text[q] == '|')) {
            if (text[q] == '|' && ++bars > 1) {
                break;
            }
            q++;
        }
        return q;
    }

    /** Letters or a {@code +} or {@code )} right before, or a joined word ({@code NL.123}, {@code x/123}). */
    private static boolean gluedBefore(char[] text, int begin) {
        if (begin == 0) {
            return false;
        }
        char prev = text[begin - 1];
        if (TermMatcher.isWordChar(prev) || prev == '+' || prev == ')') {
            return true;
        }
        return (prev == '.' || prev == '-' || prev == '/') && begin >= 2
                && TermMatcher.isWordChar(text[begin - 2]);
    }

    /** Letters right after ({@code 123456782B01}), a joined word ({@code 782.B01}), or a btw suffix. */
    private static boolean gluedAfter(char[] text, int end) {
        int n = text.length;
        if (end >= n) {
            return false;
        }
        char next = text[end];
        if (TermMatcher.isWordChar(next)) {
            return true;
        }
        if ((next == '.' || next == '-' || next == '/') && end + 1 < n && TermMatcher.isWordChar(text[end + 1])) {
            return true;
        }
        return next == ' ' && end + 3 < n && (text[end + 1] == 'B' || text[end + 1] == 'b')
                && isDigit(text[end + 2]) && isDigit(text[end + 3]);
    }

    private static boolean isDigit(char c) {
        return (char) (c - '0') <= 9;
    }

    private static boolean isTight(char c) {
        return c == '.' || c == '-' || c == '/';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F';
    }
}

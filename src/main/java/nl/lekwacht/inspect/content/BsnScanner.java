package nl.lekwacht.inspect.content;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds every number written the way a BSN is written, in one pass over the characters and without
 * regular expressions: {@code 123456782}, {@code 12345678} (read with a leading zero),
 * {@code 1234.56.782}, {@code 123.456.782}, {@code 123 456 782} and {@code 123-456-782}.
 *
 * <p>A number is a candidate only when it stands on its own. Digits are read as a <em>chain</em>:
 * groups joined by one space, dot, dash or slash. A chain glued to letters (IBAN {@code NL91ABNA...},
 * btw {@code NL123456782B01}), following a {@code +} or {@code (0)} or opened by a short group that
 * starts with 0 or is 31 (phone numbers {@code +31 6 ..}, {@code 0031 6 ..}, {@code 06 ..}) yields no
 * candidate; otherwise each space-separated part of the chain that has exactly one of the forms
 * above does. Non-digit characters cost one comparison each, which is what makes the scan fast.
 *
 * <p>Stateless and thread-safe.
 */
final class BsnScanner {

    private static final int MAX_GROUPS = 16;

    /** Candidates in text order, valid or not (the share of valid ones matters for lists). */
    List<Candidate> scan(String text) {
        List<Candidate> found = new ArrayList<>();
        int[] starts = new int[MAX_GROUPS];
        int[] ends = new int[MAX_GROUPS];
        char[] separators = new char[MAX_GROUPS];
        char[] chars = text.toCharArray();
        int n = chars.length;
        int i = 0;
        while (i < n) {
            if ((char) (chars[i] - '0') > 9) {
                i++;
                continue;
            }
            i = chain(chars, i, starts, ends, separators, found);
        }
        return found;
    }

    private static int chain(char[] text, int begin, int[] starts, int[] ends, char[] separators,
                             List<Candidate> found) {
        int n = text.length;
        int groups = 0;
        int p = begin;
        char separator = 0;
        while (true) {
            int s = p;
            while (p < n && isDigit(text[p])) {
                p++;
            }
            if (groups < MAX_GROUPS) {
                starts[groups] = s;
                ends[groups] = p;
                separators[groups] = separator;
            }
            groups++;
            if (p + 1 < n && isSeparator(text[p]) && isDigit(text[p + 1])) {
                separator = text[p];
                p++;
                continue;
            }
            break;
        }
        if (groups > MAX_GROUPS || gluedBefore(text, begin)) {
            return p;
        }
        boolean gluedAfter = gluedAfter(text, p);
        if (groups == 3 && isSpace(separators[1]) && isSpace(separators[2])) {
            if (!gluedAfter && length(starts, ends, 0) == 3 && length(starts, ends, 1) == 3
                    && length(starts, ends, 2) == 3) {
                add(text, starts, ends, 0, 2, found);
            }
            return p;
        }
        int segmentStart = 0;
        boolean firstSegment = true;
        for (int g = 0; g < groups; g++) {
            boolean segmentEnds = g == groups - 1 || isSpace(separators[g + 1]);
            if (!segmentEnds) {
                continue;
            }
            if (firstSegment && g < groups - 1 && g == segmentStart && looksLikeDialPrefix(text, starts, ends, g)) {
                return p;
            }
            firstSegment = false;
            boolean last = g == groups - 1;
            if (!(last && gluedAfter) && hasBsnForm(starts, ends, separators, segmentStart, g)) {
                add(text, starts, ends, segmentStart, g, found);
            }
            segmentStart = g + 1;
        }
        return p;
    }

    private static boolean hasBsnForm(int[] starts, int[] ends, char[] separators, int a, int b) {
        if (a == b) {
            int length = length(starts, ends, a);
            return length == 9 || length == 8;
        }
        if (b - a != 2 || separators[a + 1] != separators[a + 2]) {
            return false;
        }
        int l1 = length(starts, ends, a);
        int l2 = length(starts, ends, a + 1);
        int l3 = length(starts, ends, a + 2);
        char sep = separators[a + 1];
        return (sep == '.' && l1 == 4 && l2 == 2 && l3 == 3)
                || ((sep == '.' || sep == '-') && l1 == 3 && l2 == 3 && l3 == 3);
    }

    private static void add(char[] text, int[] starts, int[] ends, int a, int b, List<Candidate> found) {
        int value = 0;
        for (int g = a; g <= b; g++) {
            for (int k = starts[g]; k < ends[g]; k++) {
                value = value * 10 + (text[k] - '0');
            }
        }
        found.add(new Candidate(starts[a], ends[b], value, BsnMask.elevenProof(value)));
    }

    /** {@code 06 12345678}, {@code 0031 6 ...}, {@code 31 6 ...}: a country or area code opens the chain. */
    private static boolean looksLikeDialPrefix(char[] text, int[] starts, int[] ends, int g) {
        int length = length(starts, ends, g);
        if (length > 4) {
            return false;
        }
        char first = text[starts[g]];
        return first == '0' || (length == 2 && first == '3' && text[starts[g] + 1] == '1');
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

    private static int length(int[] starts, int[] ends, int g) {
        return ends[g] - starts[g];
    }

    private static boolean isDigit(char c) {
        return (char) (c - '0') <= 9;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '/' || c == '\u00A0' || c == '\u202F';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F';
    }
}

package nl.lekwacht.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one masking step for every string the gateway stores, logs, shows or mails that could carry a
 * BSN: a subject, a file name, a reason someone typed, a report text, an audit entry. Every number
 * that passes the 11-proef and is written the way a BSN is written becomes {@code *****6782} (five
 * stars and its last four digits).
 *
 * <p>Written as: nine digits ({@code 123456782}), eight digits read with a leading zero
 * ({@code 12345672}), or nine digits in groups joined by one kind of separator, a space (also the
 * no-break spaces), a dot or a dash ({@code 123 456 782}, {@code 1234.56.782}, {@code 123-456-782}).
 * Zero-width characters and soft hyphens between digits are skipped, and any Unicode decimal digit
 * counts, so the tricks that hide a number from a reader hide it from this step neither.
 *
 * <p>Deliberately wider than the detector: a digit run glued to letters ({@code paspoort_123456782.pdf},
 * {@code dossier123456782}) is masked too, since masking a number that was not a BSN costs little and
 * keeping a BSN costs a lot. Eight digits glued to a word ({@code AP-12345672}) are left alone: they
 * are references far more often than BSNs. Linear in the length of the text; stateless and thread-safe.
 */
public final class BsnMasking {

    /** What a masked number starts with. */
    public static final String STARS = "*****";

    private BsnMasking() {
    }

    /** The text with every BSN masked; the same instance when there was none. Null stays null. */
    public static String mask(String text) {
        if (text == null || !hasDigit(text)) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        int n = text.length();
        int capacity = 16;
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int[] digits = new int[capacity];
        char[] separators = new char[capacity];
        int i = 0;
        while (i < n) {
            if (digit(text.charAt(i)) < 0) {
                i++;
                continue;
            }
            int groups = 0;
            int p = i;
            char separator = 0;
            while (true) {
                int start = p;
                int count = 0;
                while (p < n) {
                    if (digit(text.charAt(p)) >= 0) {
                        count++;
                        p++;
                    } else if (ignorable(text.charAt(p)) && p + 1 < n && digit(text.charAt(p + 1)) >= 0) {
                        p++;
                    } else {
                        break;
                    }
                }
                if (groups == capacity) {
                    // a chain of any length is read whole: a BSN after many short groups is still found
                    capacity *= 2;
                    starts = Arrays.copyOf(starts, capacity);
                    ends = Arrays.copyOf(ends, capacity);
                    digits = Arrays.copyOf(digits, capacity);
                    separators = Arrays.copyOf(separators, capacity);
                }
                starts[groups] = start;
                ends[groups] = p;
                digits[groups] = count;
                separators[groups] = separator;
                groups++;
                int q = skipIgnorable(text, p);
                if (q < n && separator(text.charAt(q))) {
                    int r = skipIgnorable(text, q + 1);
                    if (r < n && digit(text.charAt(r)) >= 0) {
                        separator = normal(text.charAt(q));
                        p = r;
                        continue;
                    }
                }
                break;
            }
            int used = groups;
            int g = 0;
            while (g < used) {
                int end = match(text, starts, ends, digits, separators, g, used);
                if (end < 0) {
                    g++;
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, starts[g]).append(masked(text, starts[g], ends[end]));
                copied = ends[end];
                g = end + 1;
            }
            i = p;
        }
        return out == null ? text : out.append(text, copied, n).toString();
    }

    /** Each element masked. */
    public static List<String> maskAll(List<String> texts) {
        List<String> result = new ArrayList<>(texts.size());
        for (String text : texts) {
            result.add(mask(text));
        }
        return result;
    }

    /** Each value masked, keys kept, order kept. */
    public static Map<String, String> maskValues(Map<String, String> values) {
        Map<String, String> result = new LinkedHashMap<>();
        values.forEach((k, v) -> result.put(k, mask(v)));
        return result;
    }

    /**
     * The last group of a BSN that starts at group {@code g}, or -1: nine digits in one group, eight in
     * one group standing on its own, or nine over several groups joined by one kind of separator.
     */
    private static int match(String text, int[] starts, int[] ends, int[] digits, char[] separators, int g,
                             int used) {
        if (digits[g] == 8) {
            return !gluedToWord(text, starts[g]) && valid(text, starts[g], ends[g]) ? g : -1;
        }
        int total = 0;
        for (int h = g; h < used; h++) {
            if (h > g && separators[h] != separators[g + 1]) {
                return -1;
            }
            total += digits[h];
            if (total == 9) {
                return valid(text, starts[g], ends[h]) ? h : -1;
            }
            if (total > 9) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean valid(String text, int from, int to) {
        int value = 0;
        for (int k = from; k < to; k++) {
            int d = digit(text.charAt(k));
            if (d >= 0) {
                value = value * 10 + d;
            }
        }
        return elevenProof(value);
    }

    /** The 11-proef: 9·d1 + 8·d2 + ... + 2·d8 − d9 is a multiple of 11, and the number is not zero. */
    public static boolean elevenProof(int value) {
        if (value <= 0 || value > 999_999_999) {
            return false;
        }
        int v = value;
        int sum = -(v % 10);
        v /= 10;
        for (int weight = 2; weight <= 9; weight++) {
            sum += weight * (v % 10);
            v /= 10;
        }
        return sum % 11 == 0;
    }

    /** How a BSN may be shown: {@code *****6782}. */
    public static String mask(int value) {
        int last4 = value % 10_000;
        return STARS + (char) ('0' + last4 / 1000) + (char) ('0' + last4 / 100 % 10)
                + (char) ('0' + last4 / 10 % 10) + (char) ('0' + last4 % 10);
    }

    private static String masked(String text, int from, int to) {
        int value = 0;
        for (int k = from; k < to; k++) {
            int d = digit(text.charAt(k));
            if (d >= 0) {
                value = value * 10 + d;
            }
        }
        return mask(value);
    }

    /** A letter right before, or a word joined by a dot, dash or slash ({@code AP-}, {@code NL.}). */
    private static boolean gluedToWord(String text, int start) {
        if (start == 0) {
            return false;
        }
        char prev = text.charAt(start - 1);
        if (Character.isLetter(prev)) {
            return true;
        }
        return (prev == '.' || prev == '-' || prev == '/') && start >= 2 && Character.isLetter(text.charAt(start - 2));
    }

    private static boolean hasDigit(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (digit(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c < 128 ? -1 : Character.digit(c, 10);
    }

    private static int skipIgnorable(String text, int p) {
        while (p < text.length() && ignorable(text.charAt(p))) {
            p++;
        }
        return p;
    }

    /** Characters a reader does not see: zero-width space, joiners, word joiner, BOM, soft hyphen. */
    private static boolean ignorable(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }

    private static boolean separator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '\u00A0' || c == '\u202F' || c == '\u2009'
                || c == '\u2010' || c == '\u2011' || c == '\u2013';
    }

    /** The no-break and thin spaces count as a space, the Unicode hyphens as a dash. */
    private static char normal(char c) {
        if (c == '\u00A0' || c == '\u202F' || c == '\u2009') {
            return ' ';
        }
        if (c == '\u2010' || c == '\u2011' || c == '\u2013') {
            return '-';
        }
        return c;
    }
}

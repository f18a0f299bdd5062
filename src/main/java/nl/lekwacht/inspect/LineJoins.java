package nl.lekwacht.inspect;

/**
 * Undoes the line breaks a layout put inside words and numbers, so that a word or number is read as the
 * writer wrote it wherever the page ended its line (PDF text comes one printed line a line):
 * <ul>
 *   <li>a word hyphenated over a line end is joined: {@code burgerservice-}/{@code nummer} becomes
 *       {@code burgerservicenummer} (the hyphen stays before a capital: {@code Jan-}/{@code Willem});</li>
 *   <li>a number broken over a line end ({@code 708 945}/{@code 612}, {@code 337-273-}/{@code 029},
 *       {@code 123456}/{@code 782}) is joined when the digits at the end of the one line and at the start of
 *       the next make nine, the length of a BSN, and neither part is one on its own.</li>
 * </ul>
 * Blank lines between the two parts (PDF text often has them) count as one break. Only for running
 * text: a table's line breaks separate its rows. Linear in the text; stateless and thread-safe.
 */
final class LineJoins {

    /** Blank lines allowed between the two halves of a broken word or number. */
    private static final int MAX_BREAK_LINES = 4;

    private LineJoins() {
    }

    static String join(String text) {
        int firstBreak = text.indexOf('\n');
        if (firstBreak < 0) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        int n = text.length();
        for (int nl = firstBreak; nl >= 0; nl = nl + 1 < n ? text.indexOf('\n', nl + 1) : -1) {
            int before = lastVisible(text, nl);
            if (before < 0 || before < copied) {
                continue;
            }
            int after = nextVisible(text, nl);
            if (after < 0) {
                continue;
            }
            String joint = joint(text, before, after);
            if (joint == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(text, copied, before + 1);
            if (joint.equals("-") && text.charAt(before) == '-') {
                // a dangling hyphen of a word: drop it
                out.setLength(out.length() - 1);
            } else {
                out.append(joint);
            }
            copied = after;
            nl = after - 1;
        }
        if (out == null) {
            return text;
        }
        out.append(text, copied, n);
        return out.toString();
    }

    /** What replaces the break between {@code before} and {@code after}, or null to keep it. */
    private static String joint(String text, int before, int after) {
        char last = text.charAt(before);
        char next = text.charAt(after);
        if (last == '-' && before > 0 && Character.isLetter(text.charAt(before - 1))) {
            if (Character.isLowerCase(next)) {
                return "-";
            }
            return Character.isUpperCase(next) ? "" : null;
        }
        if (!isDigit(next)) {
            return null;
        }
        boolean tight = last == '-' || last == '.';
        int tail = tailDigits(text, tight ? before - 1 : before);
        int head = headDigits(text, after);
        if (tail <= 0 || head <= 0 || tail + head != 9 || tail == 8 || head == 8) {
            return null;
        }
        return tight ? "" : " ";
    }

    /** Digits of the number-like run (digits, single spaces, dots, dashes) that ends at {@code end}. */
    private static int tailDigits(String text, int end) {
        if (end < 0 || !isDigit(text.charAt(end))) {
            return -1;
        }
        int digits = 0;
        for (int i = end; i >= 0 && end - i < 24; i--) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                digits++;
            } else if (!(c == ' ' || c == '.' || c == '-') || i == 0 || !isDigit(text.charAt(i - 1))) {
                return Character.isLetterOrDigit(c) ? -1 : digits;
            }
        }
        return digits;
    }

    /** Digits of the number-like run that starts at {@code start}. */
    private static int headDigits(String text, int start) {
        int n = text.length();
        int digits = 0;
        for (int i = start; i < n && i - start < 24; i++) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                digits++;
            } else if (!(c == ' ' || c == '.' || c == '-') || i + 1 >= n || !isDigit(text.charAt(i + 1))) {
                return Character.isLetterOrDigit(c) ? -1 : digits;
            }
        }
        return digits;
    }

    /** The last non-blank character before the break at {@code nl} on its line, or -1. */
    private static int lastVisible(String text, int nl) {
        int i = nl - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\r')) {
            i--;
        }
        return i >= 0 && text.charAt(i) != '\n' ? i : -1;
    }

    /** The first non-blank character after the break at {@code nl}, over at most a few blank lines; -1 if none. */
    private static int nextVisible(String text, int nl) {
        int n = text.length();
        int lines = 0;
        for (int i = nl + 1; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (++lines > MAX_BREAK_LINES) {
                    return -1;
                }
            } else if (!(c == ' ' || c == '\t' || c == '\r')) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

package nl.lekwacht.inspect.content;

/**
 * Tells a money amount written like a BSN ({@code 123.456.782}, {@code € 559.774.825,18}) from a BSN: a
 * currency sign or word right before it, cents or {@code ,-} right after it, or, for a number with dots
 * as thousands separators, a mention of euros on its line or in the lines above it (the heading of a
 * budget table: "bedragen in euro"). Stateless and thread-safe.
 */
final class AmountSigns {

    /** How far back a heading may name the currency of a dotted number. */
    static final int HEADING_REACH = 600;
    private static final int SIGN_REACH = 12;

    private AmountSigns() {
    }

    /** Written as money: a currency sign or word right before it, or cents right after it. */
    static boolean isWrittenAsAmount(String text, Candidate c) {
        return hasCents(text, c.end()) || namesMoney(text, Math.max(0, c.start() - SIGN_REACH), c.start(), true);
    }

    /** Written with dots between groups of three, under a heading that names euros. */
    static boolean isInAmountList(String text, Candidate c) {
        return dotted(text, c) && namesMoney(text, Math.max(0, c.start() - HEADING_REACH), c.start(), false);
    }

    /**
     * A euro sign, or a word {@code EUR} or {@code euro...} between {@code from} and {@code to}; with
     * {@code amountWord} also {@code bedrag...}, which only right before a number says it is one (a letter's
     * "het bedrag wordt overgemaakt" says nothing of the numbers below it).
     */
    private static boolean namesMoney(String text, int from, int to, boolean amountWord) {
        int word = -1;
        for (int i = from; i <= to; i++) {
            char c = i < to ? text.charAt(i) : ' ';
            if (c == '€') {
                return true;
            }
            if (Character.isLetter(c)) {
                if (word < 0) {
                    word = i;
                }
                continue;
            }
            if (word >= 0) {
                if (WordSet.startsWithLower(text, word, i, "eur", true)
                        || WordSet.startsWithLower(text, word, i, "euro", false)
                        || (amountWord && WordSet.startsWithLower(text, word, i, "bedrag", false))) {
                    return true;
                }
                word = -1;
            }
        }
        return false;
    }

    /** {@code ,18}, {@code ,-} or {@code .-} right after the number. */
    private static boolean hasCents(String text, int end) {
        if (end + 1 >= text.length() || (text.charAt(end) != ',' && text.charAt(end) != '.')) {
            return false;
        }
        char next = text.charAt(end + 1);
        return next == '-' || (Character.isDigit(next) && (end + 2 >= text.length()
                || !Character.isDigit(text.charAt(end + 2)) || end + 3 >= text.length()
                || !Character.isDigit(text.charAt(end + 3))));
    }

    /** Written with dots between groups of three, as thousands are. */
    private static boolean dotted(String text, Candidate c) {
        int dots = 0;
        for (int i = c.start(); i < c.end(); i++) {
            if (text.charAt(i) == '.') {
                dots++;
            }
        }
        return dots == 2 && c.end() - c.start() == 11 && text.charAt(c.start() + 3) == '.'
                && text.charAt(c.start() + 7) == '.';
    }
}

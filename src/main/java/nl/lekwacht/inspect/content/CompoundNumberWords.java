package nl.lekwacht.inspect.content;

/**
 * Dutch compound words that name a kind of number: {@code klachtnummer}, {@code objectnummers},
 * {@code dossiernr}. Dutch writes a label as one word ending in {@code nummer} or {@code nr}, so a label
 * list can never name them all; a word of that form before a number says what the number is. Whether the
 * word is a BSN keyword ({@code burgerservicenummer}, {@code persoonsnummer}) is the caller's question:
 * keywords are matched first and win at the same place. Bare {@code nummer} and {@code nr} name no kind.
 * Stateless and thread-safe.
 */
final class CompoundNumberWords {

    private static final String[] ENDINGS = {"nummer", "nummers", "nr", "nrs"};
    /** Letters a compound needs before its ending: {@code telnr}, {@code huisnr}. */
    private static final int MIN_STEM = 3;

    private CompoundNumberWords() {
    }

    /** Where the last such word that starts in {@code [from, to)} starts, or -1. */
    static int lastStart(CharSequence text, int from, int to) {
        int end = Math.min(to, text.length());
        int i = end - 1;
        while (i >= from) {
            while (i >= from && !Character.isLetter(text.charAt(i))) {
                i--;
            }
            int wordEnd = i + 1;
            while (i >= from && Character.isLetter(text.charAt(i))) {
                i--;
            }
            int wordStart = i + 1;
            if (wordStart < wordEnd && (i < 0 || !Character.isLetterOrDigit(text.charAt(i)))
                    && isCompound(text, wordStart, wordEnd)) {
                return wordStart;
            }
        }
        return -1;
    }

    /** True when some such word starts in {@code [from, to)}. */
    static boolean containsAny(CharSequence text, int from, int to) {
        return lastStart(text, from, to) >= 0;
    }

    private static boolean isCompound(CharSequence text, int from, int to) {
        for (String ending : ENDINGS) {
            int stem = to - from - ending.length();
            if (stem >= MIN_STEM && endsWith(text, to, ending)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWith(CharSequence text, int to, String ending) {
        int start = to - ending.length();
        for (int k = 0; k < ending.length(); k++) {
            if (TermMatcher.lower(text.charAt(start + k)) != ending.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}

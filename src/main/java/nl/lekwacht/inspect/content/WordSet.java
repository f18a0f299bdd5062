package nl.lekwacht.inspect.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A set of lower-case words that a word of a text is looked up in, case-insensitively, without copying
 * the word: the context rules look up a few words around every candidate number, and a substring and
 * {@code toLowerCase} per word made them the largest cost of a scan. A word of plain ASCII letters is
 * compared in place; any other word is looked up as before (lower-cased copy), so the answer is the same.
 * Immutable and thread-safe.
 */
final class WordSet {

    private final Set<String> words;
    /** ASCII words by length. */
    private final String[][] byLength;

    WordSet(Set<String> words) {
        this.words = Set.copyOf(words);
        int max = 0;
        for (String w : words) {
            max = Math.max(max, w.length());
        }
        List<List<String>> lists = new ArrayList<>();
        for (int i = 0; i <= max; i++) {
            lists.add(new ArrayList<>());
        }
        for (String w : words) {
            if (isAscii(w, 0, w.length())) {
                lists.get(w.length()).add(w);
            }
        }
        this.byLength = lists.stream().map(l -> l.toArray(String[]::new)).toArray(String[][]::new);
    }

    /** True when {@code text[from, to)}, lower-cased, is one of the words. */
    boolean contains(String text, int from, int to) {
        int length = to - from;
        if (length >= byLength.length) {
            // lower-casing never shortens a text: a longer word cannot be one of these
            return false;
        }
        if (!isAscii(text, from, to)) {
            return words.contains(text.substring(from, to).toLowerCase(Locale.ROOT));
        }
        for (String w : byLength[length]) {
            if (text.regionMatches(true, from, w, 0, length)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code text[from, to)} has only ASCII characters. */
    static boolean isAscii(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the word {@code text[from, to)}, lower-cased, starts with {@code lowerPrefix} (an ASCII
     * word), or equals it when {@code whole}.
     */
    static boolean startsWithLower(String text, int from, int to, String lowerPrefix, boolean whole) {
        if (!isAscii(text, from, to)) {
            String w = text.substring(from, to).toLowerCase(Locale.ROOT);
            return whole ? w.equals(lowerPrefix) : w.startsWith(lowerPrefix);
        }
        int length = to - from;
        if (whole ? length != lowerPrefix.length() : length < lowerPrefix.length()) {
            return false;
        }
        return text.regionMatches(true, from, lowerPrefix, 0, lowerPrefix.length());
    }
}

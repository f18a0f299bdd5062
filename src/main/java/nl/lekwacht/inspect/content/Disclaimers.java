package nl.lekwacht.inspect.content;

import java.util.Set;

/**
 * Tells a BSN keyword that says no BSN is here ("Vermeld nooit uw burgerservicenummer in een e-mail",
 * "stuur geen BSN mee", "Het BSN staat in het dossier, niet in deze mail") from one that names a number:
 * its sentence holds a negation and no digit. Such a keyword does not make a nearby number a BSN.
 * Stateless and thread-safe.
 */
final class Disclaimers {

    private static final WordSet NEGATIONS = new WordSet(Set.of("niet", "geen", "nooit", "never", "not", "no",
            "don't", "niets", "nimmer"));
    private static final int MAX_SENTENCE = 400;

    private Disclaimers() {
    }

    /** True when the keyword at {@code start..end} stands in a sentence that says no BSN is here. */
    static boolean isDisclaimer(String text, int start, int end) {
        int from = start;
        while (from > 0 && start - from < MAX_SENTENCE && !endsSentence(text, from - 1)) {
            from--;
        }
        int to = end;
        while (to < text.length() && to - end < MAX_SENTENCE && !endsSentence(text, to)) {
            to++;
        }
        boolean negated = false;
        int word = -1;
        for (int i = from; i <= to; i++) {
            char c = i < to ? text.charAt(i) : ' ';
            if (Character.isDigit(c)) {
                return false;
            }
            boolean inWord = Character.isLetter(c) || c == '\'';
            if (inWord && word < 0) {
                word = i;
            } else if (!inWord && word >= 0) {
                negated |= NEGATIONS.contains(text, word, i);
                word = -1;
            }
        }
        return negated;
    }

    private static boolean endsSentence(String text, int i) {
        char c = text.charAt(i);
        return c == '\n' || c == '!' || c == '?'
                || (c == '.' && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1))));
    }
}

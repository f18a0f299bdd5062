package nl.lekwacht.inspect.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The matcher's indexes only skip work: on random text it finds exactly what trying every term at every
 * word start finds (the contract in its Javadoc, re-stated here as plainly as possible), in the same
 * order, and {@code containsAny} and {@code lastStart} agree with it.
 */
class TermMatcherEquivalenceTest {

    /** Real dictionary terms plus the shapes the indexes treat apart: one letter, a space second, non-ASCII. */
    private static List<String> terms() {
        List<String> terms = new ArrayList<>();
        for (List<String> dictionary : Dictionaries.load(SpecialCategorySettings.defaults()).values()) {
            terms.addAll(dictionary);
        }
        terms.addAll(List.of("x", "a b", "a  bc*", "ij", "ik*", "éé", "ée", "ïk", "k", "kk*", "bsn", "bsn*",
                "sofinummer", "burgerservicenummer", "persoonsgebonden nummer", "Ziekte", "İs"));
        return terms;
    }

    private static final String[] PIECES = {"a", "b", "c", "k", "x", "ij", "ik", "de", "ge", "me", "ve", "bsn",
        " ", "  ", "\n", "\t", "\u00A0", "\r\n", ".", ",", "-", "_", "1", "7", "é", "É", "ï", "İ", "\u212A",
        "ziekte", "ZIEKTE", "geloof", "diagnose", "vakbond", "sofinummer", "persoonsgebonden", "nummer",
        "strafblad", "moslim", "homo", "DNA", "vingerafdruk", "ras", "partij", "medisch", "e", " a  b", " a \u00A0bc",
        " a\n\n\tbcd", " a b", " persoonsgebonden  \n nummer", " ge", " geb", " gez", " gezondheid"};

    @Test
    void findsWhatTryingEveryTermAtEveryWordStartFinds() {
        List<String> raw = terms();
        TermMatcher matcher = new TermMatcher(raw);
        Random random = new Random(16);
        for (int round = 0; round < 3000; round++) {
            StringBuilder b = new StringBuilder();
            int pieces = random.nextInt(60);
            for (int p = 0; p < pieces; p++) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = b.toString();
            List<TermMatcher.Match> expected = naive(matcher.terms(), text, 0, text.length());
            assertEquals(expected, matcher.findAll(text, 0, text.length()), "text: [" + text + "]");
            int from = text.isEmpty() ? 0 : random.nextInt(text.length());
            int to = from + random.nextInt(text.length() - from + 1);
            List<TermMatcher.Match> inRange = naive(matcher.terms(), text, from, to);
            assertEquals(inRange, matcher.findAll(text, from, to), "text: [" + text + "] " + from + ".." + to);
            assertEquals(!inRange.isEmpty(), matcher.containsAny(text, from, to), "text: [" + text + "]");
            assertEquals(inRange.isEmpty() ? -1 : inRange.get(inRange.size() - 1).start(),
                    matcher.lastStart(text, from, to), "text: [" + text + "]");
        }
    }

    /** Every term (in list order) at every word start in {@code [from, to)}. */
    private static List<TermMatcher.Match> naive(List<String> terms, String text, int from, int to) {
        List<TermMatcher.Match> found = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (i > 0 && TermMatcher.isWordChar(text.charAt(i - 1))) {
                continue;
            }
            for (int k = 0; k < terms.size(); k++) {
                String term = terms.get(k);
                boolean prefix = term.endsWith("*");
                int end = naiveMatch(text, i, prefix ? term.substring(0, term.length() - 1) : term, prefix);
                if (end >= 0) {
                    found.add(new TermMatcher.Match(i, end, k));
                }
            }
        }
        return found;
    }

    private static int naiveMatch(String text, int at, String term, boolean prefix) {
        int p = at;
        for (int k = 0; k < term.length(); k++) {
            char t = term.charAt(k);
            if (t == ' ') {
                int spaces = 0;
                while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
                    p++;
                    spaces++;
                }
                if (spaces == 0) {
                    return -1;
                }
            } else if (p < text.length() && TermMatcher.lower(text.charAt(p)) == t) {
                p++;
            } else {
                return -1;
            }
        }
        return !prefix && p < text.length() && TermMatcher.isWordChar(text.charAt(p)) ? -1 : p;
    }
}

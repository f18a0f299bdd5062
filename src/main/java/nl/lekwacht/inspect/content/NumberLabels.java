package nl.lekwacht.inspect.content;

import java.util.Locale;
import java.util.Set;

/**
 * What the text says a number is, from what stands right before it on its line: a BSN keyword
 * ({@code BSN:}, {@code burgerservicenummer}), a label of another kind of number ({@code klantnummer},
 * {@code betalingskenmerk}, {@code Conference ID}, or any Dutch compound such as {@code klachtnummer},
 * {@link CompoundNumberWords}), or a label ending in a colon that names something
 * else ({@code Verwerkte transacties: 627 656 286}, {@code Machtiging ID: ...}). It also knows what is
 * not a BSN whatever the label: an amount ({@link AmountSigns}), a number in a link ({@link Links}), and
 * a dial-in code ending in {@code #}. Thread-safe: holds immutable matchers.
 */
final class NumberLabels {

    enum Label { NONE, BSN, OTHER }

    /** Words before a colon that do not say what kind of number follows (a person, a generic "number"). */
    private static final Set<String> NEUTRAL = Set.of("nummer", "nr", "no", "nummers", "naam", "cliënt", "client",
            "betreft", "inzake", "aanvrager", "persoon", "kind", "ouder", "partner", "deelnemer", "inwoner",
            "bewoner", "aanvraag", "gegevens", "van", "de", "het", "en", "geboren", "geb", "mevrouw", "heer",
            "dhr", "mevr", "mw", "re", "fw", "fwd", "aan", "onderwerp", "subject");

    private final TermMatcher keywords;
    private final TermMatcher labels;
    private final int reach;

    NumberLabels(TermMatcher keywords, TermMatcher labels, int reach) {
        this.keywords = keywords;
        this.labels = labels;
        this.reach = reach;
    }

    /**
     * The label of candidate {@code c}: the nearest label before it, on its own line (or in its own table
     * cell) and after {@code notBefore} (the previous number).
     */
    Label of(String text, Candidate c, int notBefore) {
        if (Links.inLink(text, c) || AmountSigns.isWrittenAsAmount(text, c) || dialIn(text, c)) {
            return Label.OTHER;
        }
        int from = Math.max(Math.max(0, c.start() - reach), notBefore);
        for (int i = c.start() - 1; i >= from; i--) {
            char ch = text.charAt(i);
            if (ch == '\n' || ch == '\t') {
                from = i + 1;
                break;
            }
        }
        int lastBsn = from >= c.start() ? -1 : keywords.lastStart(text, from, c.start());
        int lastOther = from >= c.start() ? -1 : Math.max(labels.lastStart(text, from, c.start()),
                CompoundNumberWords.lastStart(text, from, c.start()));
        if (lastBsn >= 0 || lastOther >= 0) {
            return lastOther > lastBsn ? Label.OTHER : Label.BSN;
        }
        if (AmountSigns.isInAmountList(text, c) || (from < c.start() && colonLabel(text, from, c.start()))) {
            return Label.OTHER;
        }
        return Label.NONE;
    }

    /**
     * {@code Verwerkte transacties: }, {@code Machtiging ID: }: a colon right before the number after a word
     * in lower case or capitals that is not neutral. A capitalised word is left alone: it may be a name
     * ({@code Mila Meijer: 017957047}).
     */
    private static boolean colonLabel(String text, int from, int start) {
        int i = start - 1;
        while (i >= from && text.charAt(i) == ' ') {
            i--;
        }
        if (i < from || text.charAt(i) != ':') {
            return false;
        }
        int end = i;
        int begin = end;
        while (begin > from && Character.isLetter(text.charAt(begin - 1))) {
            begin--;
        }
        if (begin == end) {
            return false;
        }
        String word = text.substring(begin, end);
        if (NEUTRAL.contains(word.toLowerCase(Locale.ROOT))) {
            return false;
        }
        boolean capitalised = Character.isUpperCase(word.charAt(0))
                && !word.toUpperCase(Locale.ROOT).equals(word);
        return !capitalised;
    }

    /** A meeting's dial-in code is typed with a {@code #} after it. */
    private static boolean dialIn(String text, Candidate c) {
        int i = c.end();
        while (i < text.length() && i - c.end() < 2 && text.charAt(i) == ' ') {
            i++;
        }
        return i < text.length() && text.charAt(i) == '#';
    }
}

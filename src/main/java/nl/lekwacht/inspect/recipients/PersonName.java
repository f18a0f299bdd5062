package nl.lekwacht.inspect.recipients;

import java.text.Normalizer;
import java.util.Locale;

/** Display names and local parts reduced to what identifies a person, for comparison. */
final class PersonName {

    private PersonName() {
    }

    /**
     * A display name in lower case without accents, quotes, bracketed additions or punctuation,
     * "Jansen, Jan" turned into "jan jansen"; empty unless it has at least two words (one word is
     * a first name or a function, which many people share).
     */
    static String normalise(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return "";
        }
        String s = stripAccents(displayName).toLowerCase(Locale.ROOT)
                .replaceAll("\\([^)]*\\)|\\[[^]]*]", " ")
                .replace("\"", " ").replace("'", " ");
        int comma = s.indexOf(',');
        if (comma > 0 && s.indexOf(',', comma + 1) < 0 && s.indexOf('@') < 0) {
            s = s.substring(comma + 1) + " " + s.substring(0, comma);
        }
        s = s.replaceAll("[^\\p{L} ]", " ").trim().replaceAll(" +", " ");
        return s.indexOf(' ') > 0 ? s : "";
    }

    /** Only the letters of a text, lower case, without accents: {@code Jan.Jansen1970} gives {@code janjansen}. */
    static String letters(String text) {
        String s = stripAccents(text).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The first word of a normalised name, empty when none. */
    static String firstWord(String normalisedName) {
        int space = normalisedName.indexOf(' ');
        return space < 0 ? normalisedName : normalisedName.substring(0, space);
    }

    private static String stripAccents(String text) {
        boolean ascii = true;
        for (int i = 0; i < text.length() && ascii; i++) {
            ascii = text.charAt(i) < 128;
        }
        return ascii ? text : Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}

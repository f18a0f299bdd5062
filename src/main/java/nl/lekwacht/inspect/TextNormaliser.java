package nl.lekwacht.inspect;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where text is made plain before any detector reads it, so that a number written to
 * be seen by a person but not by a scanner is seen by both. In order:
 * <ol>
 *   <li>numeric character references decoded, with or without their {@code ;} ({@code &#49&#54},
 *       {@code &#x31;}), as mail clients decode them;</li>
 *   <li>NFKC: full-width and other compatibility digits and letters become plain ones, no-break spaces
 *       become spaces;</li>
 *   <li>zero-width characters and soft hyphens dropped;</li>
 *   <li>markup between two digits removed ({@code 1622<span>75869</span>}, {@code 1622<!-- x -->75869}),
 *       so the digits a reader sees as one number are one number.</li>
 * </ol>
 * Every step is linear in the text (bounded patterns, no backtracking over unbounded input).
 * Stateless and thread-safe.
 */
final class TextNormaliser {

    private static final Pattern NUMERIC_REFERENCE = Pattern.compile("&#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6}));?");
    /** A tag or a short comment (no markup inside), repeated, between two digits. */
    private static final Pattern MARKUP_BETWEEN_DIGITS = Pattern.compile(
            "(?<=[0-9])(?:\\s{0,3}(?:<!--[^<>]{0,200}?-->|<[^<>]{0,200}>)\\s{0,3})+(?=[0-9])");

    private TextNormaliser() {
    }

    static String normalise(String text) {
        String out = text;
        if (out.indexOf("&#") >= 0) {
            out = decodeReferences(out);
        }
        if (!Normalizer.isNormalized(out, Normalizer.Form.NFKC)) {
            out = Normalizer.normalize(out, Normalizer.Form.NFKC);
        }
        out = dropInvisible(out);
        if (out.indexOf('<') >= 0) {
            out = MARKUP_BETWEEN_DIGITS.matcher(out).replaceAll("");
        }
        return out;
    }

    private static String decodeReferences(String text) {
        Matcher m = NUMERIC_REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            int code;
            try {
                code = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
            } catch (NumberFormatException e) {
                code = -1;
            }
            String replacement = Character.isValidCodePoint(code) && code != 0
                    ? new String(Character.toChars(code)) : " ";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String dropInvisible(String text) {
        int first = firstInvisible(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!invisible(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstInvisible(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (invisible(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Zero-width spaces and joiners, word joiner, byte-order mark, soft hyphen, Mongolian vowel separator. */
    private static boolean invisible(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD'
                || c == '\u180E' || (c >= '\u2061' && c <= '\u2064');
    }
}

package nl.lekwacht.inspect.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.validator.routines.IBANValidator;

/**
 * Finds IBANs of any country in text, compact ({@code NL91ABNA0417164300}) or printed in groups
 * ({@code NL91 ABNA 0417 1643 00}). A candidate starts at a word start with two capital letters and
 * two digits; the country's IBAN length (from commons-validator) says how many characters to collect,
 * skipping single spaces; commons-validator's {@link IBANValidator} then checks format and checksum.
 * Immutable after construction and thread-safe.
 */
final class IbanScanner {

    static final IBANValidator VALIDATOR = IBANValidator.getInstance();

    /**
     * The validator of each two-letter country code ({@code [first - 'A'][second - 'A']}), null where
     * commons-validator knows none: looked up for every word that starts like an IBAN, which in a letter
     * is most postcodes and btw numbers, so without the substring and the map look-up of
     * {@link IBANValidator#getValidator(String)}.
     */
    private final IBANValidator.Validator[][] countries = new IBANValidator.Validator[26][26];

    IbanScanner() {
        for (char a = 'A'; a <= 'Z'; a++) {
            for (char b = 'A'; b <= 'Z'; b++) {
                countries[a - 'A'][b - 'A'] = VALIDATOR.getValidator(new String(new char[] {a, b}));
            }
        }
    }

    /** @return the valid IBANs, compact and upper case, in text order (repeats included) */
    List<String> scan(String text) {
        List<String> found = new ArrayList<>();
        // a letterhead's or footer's IBAN repeats: each distinct one is checked once (format and checksum)
        Map<String, Boolean> checked = new HashMap<>();
        int n = text.length() - 4;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 'A' || c > 'Z') {
                continue;
            }
            if (!isUpper(text.charAt(i + 1)) || !isDigit(text.charAt(i + 2)) || !isDigit(text.charAt(i + 3))
                    || (i > 0 && TermMatcher.isWordChar(text.charAt(i - 1)))) {
                continue;
            }
            IBANValidator.Validator country = countries[c - 'A'][text.charAt(i + 1) - 'A'];
            if (country == null) {
                continue;
            }
            String compact = collect(text, i, country.getIbanLength());
            if (compact != null && checked.computeIfAbsent(compact, VALIDATOR::isValid)) {
                found.add(compact);
            }
        }
        return found;
    }

    private static String collect(String text, int start, int length) {
        StringBuilder compact = new StringBuilder(length);
        int p = start;
        int n = text.length();
        while (compact.length() < length && p < n) {
            char c = text.charAt(p);
            if (Character.isLetterOrDigit(c) && c < 128) {
                compact.append(Character.toUpperCase(c));
                p++;
            } else if ((c == ' ' || c == '\u00A0') && p + 1 < n && Character.isLetterOrDigit(text.charAt(p + 1))
                    && compact.length() >= 4) {
                p++;
            } else {
                return null;
            }
        }
        if (compact.length() < length || (p < n && TermMatcher.isWordChar(text.charAt(p)))) {
            return null;
        }
        return compact.toString();
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

package nl.lekwacht.inspect.content;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Signs that a line of text is about a person: a date of birth, a postcode, initials with a surname
 * ({@code J. de Vries}, {@code Vries, J.}), a form of address ({@code dhr.}, {@code mevrouw}), or, in a
 * table heading, a column such as {@code Naam} or {@code Geboortedatum}. A list of valid numbers is a
 * list of BSNs only when its lines look like people; a column of kenmerken or amounts does not.
 * Stateless and thread-safe; lines are read up to {@link #MAX_LINE} characters.
 */
final class PeopleSigns {

    static final int MAX_LINE = 600;

    /** What {@link #hasBirthDate} matches; kept as its specification (a test holds the two together). */
    static final Pattern BIRTH_DATE = Pattern.compile(
            "(?<![0-9])(?:[0-3]?[0-9][-./][01]?[0-9][-./](?:19|20)[0-9]{2}|(?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9])(?![0-9])");
    /** What {@link #hasPostcode} matches; kept as its specification. */
    static final Pattern POSTCODE = Pattern.compile("(?<![0-9])[1-9][0-9]{3} ?[A-Z]{2}(?![A-Za-z])");
    private static final Pattern INITIALS = Pattern.compile(
            "(?:\\b(?:[A-Z]\\.){1,4} ?(?:(?:van|de|der|den|ter|ten|in 't|el|al) )*[A-Z][a-z]+|[A-Z][a-z]+, (?:[A-Z]\\.){1,4})");
    private static final WordSet ADDRESS = new WordSet(Set.of("dhr", "mevr", "mw", "mevrouw", "heer", "cliënt", "client",
            "geb", "geboren", "aanvrager", "inwoner", "bewoner"));
    private static final List<String> PARTICLES = List.of("van", "de", "der", "den", "ter", "ten", "in", "'t", "het",
            "el", "al", "la", "le", "op");
    private static final WordSet HEADINGS = new WordSet(Set.of("naam", "achternaam", "voornaam", "voornamen", "voorletters",
            "geboortedatum", "geb", "adres", "woonplaats", "postcode", "cliënt", "client", "clientnaam", "cliëntnaam",
            "aanvrager", "deelnemer", "leerling", "bewoner", "inwoner", "kind", "ouder", "partner", "name",
            "surname", "birthdate", "geslacht", "straat", "huisnummer", "tussenvoegsel"));

    private PeopleSigns() {
    }

    /**
     * How many kinds of sign (birth date, postcode, initials, form of address, a name beside the number)
     * the line {@code text[from, to)} holds, read up to {@link #MAX_LINE} characters. Called for every
     * valid candidate, so the dates and postcodes are matched by hand (the same patterns as
     * {@link #BIRTH_DATE} and {@link #POSTCODE}, which document them) and the initials pattern runs only
     * on a line that has a capital followed by a dot, which each of its forms needs.
     */
    static int onLine(String text, int from, int to) {
        return onLine(text, from, to, Integer.MAX_VALUE);
    }

    /** As {@link #onLine(String, int, int)}, but stops counting at {@code enough}. */
    static int onLine(String text, int from, int to, int enough) {
        int end = Math.min(to, from + MAX_LINE);
        int kinds = hasBirthDate(text, from, end) ? 1 : 0;
        if (kinds < enough && hasWord(text, from, end, ADDRESS)) {
            kinds++;
        }
        if (kinds < enough && hasPostcode(text, from, end)) {
            kinds++;
        }
        if (kinds < enough && nameBeside(text, from, end)) {
            kinds++;
        }
        if (kinds < enough && hasInitials(text, from, end)) {
            kinds++;
        }
        return kinds;
    }

    /** {@link #BIRTH_DATE}: {@code 12-03-1980}, {@code 3.4.1975}, {@code 1980-03-12}, not inside a longer number. */
    static boolean hasBirthDate(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (i > from && digit(text, i - 1, to)) {
                continue;
            }
            if (dayMonthYear(text, i, to) || yearMonthDay(text, i, to)) {
                return true;
            }
        }
        return false;
    }

    /** {@code [0-3]?[0-9][-./][01]?[0-9][-./](19|20)[0-9]{2}(?![0-9])} at {@code i}, every way it can match. */
    private static boolean dayMonthYear(String text, int i, int to) {
        if (!digit(text, i, to)) {
            return false;
        }
        boolean twoDigitDay = in(text, i, to, '0', '3') && digit(text, i + 1, to);
        return (twoDigitDay && monthYear(text, i + 2, to)) || monthYear(text, i + 1, to);
    }

    private static boolean monthYear(String text, int p, int to) {
        if (!dateSeparator(text, p, to)) {
            return false;
        }
        int m = p + 1;
        boolean twoDigitMonth = in(text, m, to, '0', '1') && digit(text, m + 1, to);
        return (twoDigitMonth && year(text, m + 2, to)) || (digit(text, m, to) && year(text, m + 1, to));
    }

    /** {@code [-./](19|20)[0-9]{2}(?![0-9])} at {@code q}. */
    private static boolean year(String text, int q, int to) {
        return dateSeparator(text, q, to) && century(text, q + 1, to) && digit(text, q + 3, to)
                && digit(text, q + 4, to) && !digit(text, q + 5, to);
    }

    /** {@code (19|20)[0-9]{2}-[01][0-9]-[0-3][0-9](?![0-9])} at {@code i}. */
    private static boolean yearMonthDay(String text, int i, int to) {
        return century(text, i, to) && digit(text, i + 2, to) && digit(text, i + 3, to) && is(text, i + 4, to, '-')
                && in(text, i + 5, to, '0', '1') && digit(text, i + 6, to) && is(text, i + 7, to, '-')
                && in(text, i + 8, to, '0', '3') && digit(text, i + 9, to) && !digit(text, i + 10, to);
    }

    private static boolean century(String text, int i, int to) {
        return (is(text, i, to, '1') && is(text, i + 1, to, '9')) || (is(text, i, to, '2') && is(text, i + 1, to, '0'));
    }

    /** {@link #POSTCODE}: {@code 1234 AB} or {@code 1234AB}, not inside a longer number or word. */
    static boolean hasPostcode(String text, int from, int to) {
        for (int i = from; i + 5 < to; i++) {
            if ((i > from && digit(text, i - 1, to)) || !in(text, i, to, '1', '9') || !digit(text, i + 1, to)
                    || !digit(text, i + 2, to) || !digit(text, i + 3, to)) {
                continue;
            }
            int letters = is(text, i + 4, to, ' ') ? i + 5 : i + 4;
            if (in(text, letters, to, 'A', 'Z') && in(text, letters + 1, to, 'A', 'Z')
                    && !asciiLetter(text, letters + 2, to)) {
                return true;
            }
        }
        return false;
    }

    /** {@link #INITIALS}, tried only where a capital stands before a dot. */
    static boolean hasInitials(String text, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (text.charAt(i + 1) == '.' && in(text, i, to, 'A', 'Z')) {
                return INITIALS.matcher(text.substring(from, to)).find();
            }
        }
        return false;
    }

    private static boolean digit(String text, int i, int to) {
        return in(text, i, to, '0', '9');
    }

    private static boolean in(String text, int i, int to, char low, char high) {
        if (i >= to) {
            return false;
        }
        char c = text.charAt(i);
        return c >= low && c <= high;
    }

    private static boolean is(String text, int i, int to, char c) {
        return i < to && text.charAt(i) == c;
    }

    private static boolean dateSeparator(String text, int i, int to) {
        return is(text, i, to, '-') || is(text, i, to, '.') || is(text, i, to, '/');
    }

    private static boolean asciiLetter(String text, int i, int to) {
        return in(text, i, to, 'A', 'Z') || in(text, i, to, 'a', 'z');
    }

    /**
     * The line is a name and the number: besides digits and punctuation it holds one to four words, each
     * capitalised or a surname particle ({@code Mila Meijer: 017957047}, {@code Bram van Dijk 357053436}).
     */
    static boolean nameBeside(String text, int from, int to) {
        int words = 0;
        int capitalised = 0;
        int word = -1;
        for (int i = from; i <= to; i++) {
            char c = i < to ? text.charAt(i) : ' ';
            if (Character.isLetter(c) || c == '\'') {
                if (word < 0) {
                    word = i;
                }
                continue;
            }
            if (word >= 0) {
                words++;
                if (Character.isUpperCase(text.charAt(word))) {
                    capitalised++;
                } else if (!isParticle(text, word, i)) {
                    return false;
                }
                word = -1;
            }
            if (!(Character.isDigit(c) || Character.isWhitespace(c) || c == ':' || c == ',' || c == '.' || c == '-'
                    || c == '|' || c == ';' || c == '(' || c == ')')) {
                return false;
            }
        }
        return words >= 1 && words <= 4 && capitalised >= 1;
    }

    /** True when a table heading names a column about people. */
    static boolean inHeading(String text, int from, int to) {
        return hasWord(text, from, Math.min(to, from + MAX_LINE), HEADINGS);
    }

    /** A surname particle, as written (lower case). */
    private static boolean isParticle(String text, int from, int to) {
        for (String p : PARTICLES) {
            if (p.length() == to - from && text.startsWith(p, from)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasWord(String text, int from, int to, WordSet words) {
        int word = -1;
        for (int i = from; i <= to; i++) {
            char c = i < to ? text.charAt(i) : ' ';
            if (Character.isLetter(c)) {
                if (word < 0) {
                    word = i;
                }
            } else if (word >= 0) {
                if (words.contains(text, word, i)) {
                    return true;
                }
                word = -1;
            }
        }
        return false;
    }
}

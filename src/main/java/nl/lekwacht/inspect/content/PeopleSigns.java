package nl.lekwacht.inspect.content;

import java.util.Locale;
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

    private static final Pattern BIRTH_DATE = Pattern.compile(
            "(?<![0-9])(?:[0-3]?[0-9][-./][01]?[0-9][-./](?:19|20)[0-9]{2}|(?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9])(?![0-9])");
    private static final Pattern POSTCODE = Pattern.compile("(?<![0-9])[1-9][0-9]{3} ?[A-Z]{2}(?![A-Za-z])");
    private static final Pattern INITIALS = Pattern.compile(
            "(?:\\b(?:[A-Z]\\.){1,4} ?(?:(?:van|de|der|den|ter|ten|in 't|el|al) )*[A-Z][a-z]+|[A-Z][a-z]+, (?:[A-Z]\\.){1,4})");
    private static final Set<String> ADDRESS = Set.of("dhr", "mevr", "mw", "mevrouw", "heer", "cliënt", "client",
            "geb", "geboren", "aanvrager", "inwoner", "bewoner");
    private static final Set<String> PARTICLES = Set.of("van", "de", "der", "den", "ter", "ten", "in", "'t", "het",
            "el", "al", "la", "le", "op");
    private static final Set<String> HEADINGS = Set.of("naam", "achternaam", "voornaam", "voornamen", "voorletters",
            "geboortedatum", "geb", "adres", "woonplaats", "postcode", "cliënt", "client", "clientnaam", "cliëntnaam",
            "aanvrager", "deelnemer", "leerling", "bewoner", "inwoner", "kind", "ouder", "partner", "name",
            "surname", "birthdate", "geslacht", "straat", "huisnummer", "tussenvoegsel");

    private PeopleSigns() {
    }

    /** How many kinds of sign (birth date, postcode, initials, form of address) the line holds. */
    static int onLine(String text, int from, int to) {
        String line = text.substring(from, Math.min(to, from + MAX_LINE));
        int kinds = 0;
        kinds += BIRTH_DATE.matcher(line).find() ? 1 : 0;
        kinds += POSTCODE.matcher(line).find() ? 1 : 0;
        kinds += INITIALS.matcher(line).find() ? 1 : 0;
        kinds += hasWord(line, ADDRESS) ? 1 : 0;
        kinds += nameBeside(line) ? 1 : 0;
        return kinds;
    }

    /**
     * The line is a name and the number: besides digits and punctuation it holds one to four words, each
     * capitalised or a surname particle ({@code Mila Meijer: 017957047}, {@code Bram van Dijk 357053436}).
     */
    static boolean nameBeside(String line) {
        int words = 0;
        int capitalised = 0;
        int word = -1;
        for (int i = 0; i <= line.length(); i++) {
            char c = i < line.length() ? line.charAt(i) : ' ';
            if (Character.isLetter(c) || c == '\'') {
                if (word < 0) {
                    word = i;
                }
                continue;
            }
            if (word >= 0) {
                String w = line.substring(word, i);
                words++;
                if (Character.isUpperCase(w.charAt(0))) {
                    capitalised++;
                } else if (!PARTICLES.contains(w)) {
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
        return hasWord(text.substring(from, Math.min(to, from + MAX_LINE)), HEADINGS);
    }

    private static boolean hasWord(String line, Set<String> words) {
        int word = -1;
        for (int i = 0; i <= line.length(); i++) {
            char c = i < line.length() ? line.charAt(i) : ' ';
            if (Character.isLetter(c)) {
                if (word < 0) {
                    word = i;
                }
            } else if (word >= 0) {
                if (words.contains(line.substring(word, i).toLowerCase(Locale.ROOT))) {
                    return true;
                }
                word = -1;
            }
        }
        return false;
    }
}

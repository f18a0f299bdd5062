package nl.lekwacht.inspect.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written matchers of dates of birth and postcodes (written for speed: they run for every valid
 * number) answer exactly as the patterns that specify them, on the lines they were made for and on
 * random lines made of digits, separators and letters.
 */
class PeopleSignsTest {

    private static final String[] PIECES = {"0", "1", "2", "3", "4", "9", "12", "31", "04", "19", "20", "1980",
        "2024", "1234", "-", "-", ".", "/", " ", "AB", "Z", "z", "\t", "12-03-", "3.4.", "1980-03-", "-1", "-0"};

    @Test
    void datesOfBirthAreFoundAsTheirPatternFindsThem() {
        for (String line : new String[] {"geb. 12-03-1980", "3.4.1975 Jansen", "1980-03-12", "x12-03-19801",
            "112-03-1980", "31/12/2001 en", "9-9-2099", "19800-03-12", "1980-13-12", "41-03-1980"}) {
            assertThat(PeopleSigns.hasBirthDate(line, 0, line.length())).as(line)
                    .isEqualTo(PeopleSigns.BIRTH_DATE.matcher(line).find());
        }
        assertAgree(PeopleSigns.BIRTH_DATE, true);
    }

    @Test
    void postcodesAreFoundAsTheirPatternFindsThem() {
        for (String line : new String[] {"1234 AB Voorbeeldstad", "1234AB", "01234 AB", "1234 ABC", "1234 Ab",
            "9999 ZZ", "12345 AB", "1234  AB", "1234 AB1"}) {
            assertThat(PeopleSigns.hasPostcode(line, 0, line.length())).as(line)
                    .isEqualTo(PeopleSigns.POSTCODE.matcher(line).find());
        }
        assertAgree(PeopleSigns.POSTCODE, false);
    }

    @Test
    void aLineIsReadOnlyWithinItsBounds() {
        String text = "1980-03-12 | 123456782 | 1234 AB";
        assertThat(PeopleSigns.hasBirthDate(text, 1, 20)).isFalse();
        assertThat(PeopleSigns.hasPostcode(text, 0, text.length() - 1)).isFalse();
        assertThat(PeopleSigns.hasPostcode(text, 0, text.length())).isTrue();
    }

    private static void assertAgree(Pattern pattern, boolean date) {
        Random random = new Random(12);
        int found = 0;
        for (int round = 0; round < 200_000; round++) {
            StringBuilder line = new StringBuilder();
            int pieces = 2 + random.nextInt(10);
            for (int i = 0; i < pieces; i++) {
                line.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String s = line.toString();
            int from = random.nextInt(3);
            int to = Math.max(from, s.length() - random.nextInt(3));
            boolean expected = pattern.matcher(s.substring(from, to)).find();
            boolean actual = date ? PeopleSigns.hasBirthDate(s, from, to) : PeopleSigns.hasPostcode(s, from, to);
            assertThat(actual).as("'%s' [%d, %d)", s, from, to).isEqualTo(expected);
            found += expected ? 1 : 0;
        }
        assertThat(found).as("random lines that hold one").isGreaterThan(100);
    }
}

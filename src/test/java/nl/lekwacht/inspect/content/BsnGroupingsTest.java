package nl.lekwacht.inspect.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every grouping of nine digits is a candidate; runs of more digits, dates and phone numbers are not. */
class BsnGroupingsTest {

    private final BsnScanner scanner = new BsnScanner();

    @ParameterizedTest
    @ValueSource(strings = {"123 45 6782", "1234 56 782", "12 345 6782", "123 456782", "1234.56.782", "1234-56-782",
            "123-45-6782", "|1|2|3|4|5|6|7|8|2|", "| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 2 |", "1 2 3 4 5 6 7 8 2",
            "123 456 782", "123456782"})
    void findsNineDigitsInAnyGrouping(String written) {
        List<Candidate> found = scanner.scan("BSN " + written + " graag");

        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.value()).isEqualTo(123456782);
            assertThat(c.valid()).isTrue();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 234 567 890", "12-05-1980", "1980-05-12", "06 12 34 56 78", "020 123 4567",
            "12/34/56789", "1234 56 78", "123.456.782.1"})
    void findsNothingInOtherNumbers(String written) {
        assertThat(scanner.scan("nummer " + written + " graag")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123.45.678", "12.345.678", "12345678"})
    void readsEightDigitsAsADroppedLeadingZero(String written) {
        assertThat(scanner.scan("BSN " + written)).singleElement()
                .satisfies(c -> assertThat(c.value()).isEqualTo(12345678));
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456782\n111222333", "123 456 782\n111 222 333"})
    void readsOneNumberALineInAColumn(String column) {
        assertThat(scanner.scan(column)).extracting(Candidate::value).containsExactly(123456782, 111222333);
    }
}

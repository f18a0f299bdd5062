package nl.lekwacht.inspect.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.Severity;
import nl.lekwacht.message.TextPart;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BsnDetectorTest {

    // 123456782 and 111222333 pass the 11-proef; 012345672 has a leading zero; 123456789 fails
    private final BsnDetector detector = new BsnDetector(BsnSettings.defaults());

    private List<Finding> inspect(String text) {
        return detector.inspect(Messages.body(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456782", "1234.56.782", "123.456.782", "123 456 782", "123-456-782"})
    void findsEachWrittenFormNextToAKeyword(String written) {
        List<Finding> findings = inspect("Het BSN van mevrouw is " + written + ".");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.count()).isEqualTo(1);
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.evidence()).containsExactly("*****6782");
        });
    }

    @Test
    void readsEightDigitsWithALeadingZero() {
        assertThat(inspect("burgerservicenummer 12345672")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).containsExactly("*****5672"));
    }

    @Test
    void ignoresNumbersThatFailTheElevenProofAndZero() {
        assertThat(inspect("BSN 123456789, BSN 000000000")).isEmpty();
    }

    @Test
    void doesNotReportOneValidNumberWithoutContext() {
        assertThat(inspect("Het nummer 123456782 staat genoteerd.")).isEmpty();
    }

    @Test
    void keywordCountsWithin300CharactersOnly() {
        String near = "BSN " + "x".repeat(250) + " 123456782";
        String far = "BSN " + "x".repeat(320) + " 123456782";
        assertThat(inspect(near)).hasSize(1);
        assertThat(inspect(far)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NL91ABNA0123456782", "btw NL123456782B01", "btw NL 1234.56.782.B01", "tel +31 123456782",
        "0031 6 12345672", "06 12345672", "nummer 1234567820", "nummer 9123456782", "ref ABC123456782",
        "NL 123456782 B01"})
    void neverFindsANumberInsideALongerRun(String lookAlike) {
        assertThat(inspect("Het BSN staat er niet in: " + lookAlike)).isEmpty();
    }

    @Test
    void numbersLabelledAsAnotherNumberAreNotBsnsEvenNearAKeyword() {
        List<Finding> findings = inspect("BSN: 123456782, klantnummer 111222333, KvK 12345672, factuur 100000009");

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.evidence()).containsExactly("*****6782"));
    }

    @Test
    void aListOfValidNumbersIsMediumWithoutKeyword() {
        List<Finding> findings = inspect("Deelnemers:\nJan 123456782\nPiet 111222333\nKlaas 100000009\n");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.count()).isEqualTo(3);
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        });
    }

    @Test
    void aListMostlyOfInvalidNumbersIsNotReported() {
        StringBuilder list = new StringBuilder("123456782\n111222333\n100000009\n");
        for (int i = 0; i < 10; i++) {
            list.append(100000001 + i * 7).append('\n');
        }
        assertThat(inspect(list.toString())).isEmpty();
    }

    @Test
    void everyRowOfAColumnHeadedBsnCountsHoweverFarFromTheHeading() {
        StringBuilder sheet = new StringBuilder("Naam\tBSN\tOpmerking\n");
        for (int i = 0; i < 40; i++) {
            sheet.append("Persoon ").append(i).append('\t').append(i == 39 ? "111222333" : "123456782")
                    .append('\t').append("x".repeat(20)).append('\n');
        }
        List<Finding> findings = detector.inspect(Messages.of(new TextPart("2", "attachment:a.xlsx#Blad1",
                sheet.toString(), true)));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.where()).isEqualTo("attachment:a.xlsx#Blad1");
            assertThat(f.count()).isEqualTo(2);
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
        });
    }

    @Test
    void aColumnHeadedAsAnotherNumberNeverCounts() {
        String sheet = "Ordernummer\tBSN-loos\n123456782\tx\n111222333\tx\n100000009\tx\n";
        assertThat(detector.inspect(Messages.of(new TextPart("2", "attachment:o.csv", sheet, true)))).isEmpty();
    }

    @Test
    void countsDistinctNumbersOncePerLocation() {
        List<Finding> findings = detector.inspect(Messages.of(TextPart.body("BSN 123456782"),
                TextPart.body("<b>BSN</b> 123456782 en BSN 111222333")));

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.count()).isEqualTo(2));
    }

    @Test
    void ignoresConfiguredNumbers() {
        BsnSettings d = BsnSettings.defaults();
        BsnDetector withIgnore = new BsnDetector(new BsnSettings(true, d.proximity(), d.labelReach(), d.minListSize(),
                d.minValidShare(), d.listGap(), d.minBareColumn(), d.keywords(), d.otherLabels(), Set.of(123456782)));

        assertThat(withIgnore.inspect(Messages.body("BSN 123456782 en BSN 111222333"))).singleElement()
                .satisfies(f -> assertThat(f.evidence()).containsExactly("*****2333"));
    }

    @Test
    void neverShowsTheFullNumber() {
        Finding f = inspect("BSN 123456782").get(0);
        BsnSettings withIgnore = new BsnSettings(true, 300, 40, 3, 0.8, 200, 10, List.of(), List.of(), Set.of(123456782));

        assertThat(f.toString()).doesNotContain("123456782").doesNotContain("56782");
        assertThat(new Candidate(0, 9, 123456782, true).toString()).doesNotContain("123456782");
        assertThat(withIgnore.toString()).doesNotContain("123456782");
    }
}

package nl.lekwacht.inspect.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import nl.lekwacht.inspect.Finding;

/**
 * Any text through the BSN scanner and the BSN detector: candidates lie inside the text, in order and
 * apart, each is the number its digits spell (eight digits read with a leading zero) and is valid
 * exactly when it passes the 11-proef; the detector's evidence is always masked.
 *
 * <p>In a normal test run this replays the kept inputs under
 * {@code src/test/resources/nl/lekwacht/inspect/content/BsnScannerFuzzTestInputs}; with
 * {@code JAZZER_FUZZ=1} it fuzzes (see the README's Development section).
 */
class BsnScannerFuzzTest {

    private final BsnScanner scanner = new BsnScanner();
    private final BsnDetector detector = new BsnDetector(BsnSettings.defaults());

    @FuzzTest
    void scansAnyText(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();

        List<Candidate> candidates = scanner.scan(text);

        int previousEnd = 0;
        for (Candidate candidate : candidates) {
            assertThat(candidate.start()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(candidate.end()).isGreaterThan(candidate.start()).isLessThanOrEqualTo(text.length());
            String digits = text.substring(candidate.start(), candidate.end()).replaceAll("[^0-9]", "");
            assertThat(digits.length()).isBetween(8, 9);
            assertThat(candidate.value()).isEqualTo(Integer.parseInt(digits));
            assertThat(candidate.valid()).isEqualTo(BsnMask.elevenProof(candidate.value()));
            previousEnd = candidate.end();
        }
        for (Finding finding : detector.inspect(Messages.body(text))) {
            assertThat(finding.count()).isLessThanOrEqualTo(candidates.size());
            assertThat(finding.evidence()).allSatisfy(e -> assertThat(e).doesNotContainPattern("\\d{5,}"));
        }
    }
}

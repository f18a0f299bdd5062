package nl.lekwacht.inspect.recipients;

import static nl.lekwacht.inspect.recipients.Messages.a;
import static nl.lekwacht.inspect.recipients.Messages.to;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.inspect.Severity;
import org.junit.jupiter.api.Test;

class NewRecipientWithPersonalDataDetectorTest {

    private static final Finding BSN = new Finding(FindingCode.BSN, Severity.HIGH, "body", "1", 1, List.of("*****6782"), "");
    private static final Finding IBAN = new Finding(FindingCode.IBAN, Severity.LOW, "body", "1", 1, List.of(), "");

    private final Messages.MemoryHistory history = new Messages.MemoryHistory()
            .learn(to(a("jan.jansen@zorgpartner.nl")), 1).learn(to(a("bewoner@gmail.com")), 1);
    private final NewRecipientWithPersonalDataDetector detector =
            new NewRecipientWithPersonalDataDetector(Messages.ORGANISATION, history);

    @Test
    void findsABsnToADomainNobodyMailedBefore() {
        List<Finding> findings = detector.inspect(to(a("info@nieuwbedrijf.nl")), List.of(BSN));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.NEW_RECIPIENT_WITH_PERSONAL_DATA);
            assertThat(f.evidence()).containsExactly("nieuwbedrijf.nl");
        });
    }

    @Test
    void findsSpecialCategoryDataToANewResidentAddress() {
        Finding special = new Finding(FindingCode.SPECIAL_CATEGORY, Severity.MEDIUM, "body", "1", 1, List.of(), "");
        assertThat(detector.inspect(to(a("nieuw@gmail.com")), List.of(special))).hasSize(1);
    }

    @Test
    void findsNothingForAKnownDomainOrWithoutPersonalData() {
        assertThat(detector.inspect(to(a("iemand.anders@zorgpartner.nl")), List.of(BSN))).isEmpty();
        assertThat(detector.inspect(to(a("bewoner@gmail.com")), List.of(BSN))).isEmpty();
        assertThat(detector.inspect(to(a("info@nieuwbedrijf.nl")), List.of(IBAN))).isEmpty();
        assertThat(detector.inspect(to(a("info@ketenpartner.nl")), List.of(BSN))).as("trusted partner").isEmpty();
    }
}

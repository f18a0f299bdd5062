package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.Set;
import nl.lekwacht.register.Choices.DataCategory;
import nl.lekwacht.register.Choices.Exposure;
import org.junit.jupiter.api.Test;

/** Worked examples of SE = DPC x EI + CB and of each band edge (Low < 2 <= Medium < 3 <= High < 4 <= Very high). */
class SeverityEstimateTest {

    private final SeverityEstimate enisa = new SeverityEstimate();

    private Assessment assess(Set<DataCategory> data, int people, Exposure exposure) {
        return enisa.assess(data, OptionalInt.of(people), exposure, false);
    }

    @Test
    void bsnToPrivateMailboxIsHigh() {
        // DPC 3 (BSN enables identity fraud) x EI 1 (BSN identifies) + CB 0.5 (unknown recipient) = 3.5
        Assessment a = assess(EnumSet.of(DataCategory.BSN), 1, Exposure.CONSUMER_MAILBOX);
        assertThat(a.dpc()).isEqualTo(3);
        assertThat(a.ei()).isEqualByComparingTo("1");
        assertThat(a.cb()).isEqualByComparingTo("0.5");
        assertThat(a.score()).isEqualByComparingTo("3.5");
        assertThat(a.level()).isEqualTo(Level.HIGH);
        assertThat(a.reportSuggested()).isTrue();
        assertThat(a.informSuggested()).isTrue();
        assertThat(a.reasons()).extracting(Assessment.Reason::key).contains("enisa.dpc.fraud", "enisa.ei.maximum",
                "enisa.cb.consumer_mailbox", "enisa.suggest.report", "enisa.suggest.inform");
    }

    @Test
    void visibleAddressesOfFewPeopleAreLowAndOnlyRecorded() {
        // DPC 1 x EI 0.75 + CB 0.5 = 1.25
        Assessment a = assess(EnumSet.of(DataCategory.EMAIL_ADDRESS), 12, Exposure.CONSUMER_MAILBOX);
        assertThat(a.score()).isEqualByComparingTo("1.25");
        assertThat(a.level()).isEqualTo(Level.LOW);
        assertThat(a.reportSuggested()).isFalse();
        assertThat(a.informSuggested()).isFalse();
    }

    @Test
    void justUnderTwoIsLow() {
        // DPC 2 (location) x EI 0.75 + CB 0.25 (known recipient) = 1.75
        Assessment a = assess(EnumSet.of(DataCategory.LOCATION), 1, Exposure.KNOWN_RECIPIENT);
        assertThat(a.score()).isEqualByComparingTo("1.75");
        assertThat(a.level()).isEqualTo(Level.LOW);
    }

    @Test
    void exactlyTwoIsMedium() {
        // DPC 1 + 1 (100 people: large volume) = 2 x EI 0.75 + CB 0.5 = 2.0
        Assessment a = assess(EnumSet.of(DataCategory.EMAIL_ADDRESS), 100, Exposure.UNKNOWN_RECIPIENT);
        assertThat(a.dpc()).isEqualTo(2);
        assertThat(a.score()).isEqualByComparingTo("2");
        assertThat(a.level()).isEqualTo(Level.MEDIUM);
        assertThat(a.reportSuggested()).isTrue();
        assertThat(a.informSuggested()).isFalse();
    }

    @Test
    void ninetyNinePeopleIsNoLargeVolume() {
        Assessment a = assess(EnumSet.of(DataCategory.EMAIL_ADDRESS), 99, Exposure.UNKNOWN_RECIPIENT);
        assertThat(a.dpc()).isEqualTo(1);
        assertThat(a.level()).isEqualTo(Level.LOW);
    }

    @Test
    void justUnderThreeIsMedium() {
        // DPC 3 (IBAN) x EI 0.75 + CB 0.25 = 2.5 ; DPC 2 x EI 1 (names) + CB 0.5 = 2.5
        assertThat(assess(EnumSet.of(DataCategory.IBAN), 1, Exposure.TRUSTED_PARTNER).score())
                .isEqualByComparingTo("2.5");
        Assessment a = assess(EnumSet.of(DataCategory.LOCATION, DataCategory.NAME), 1, Exposure.UNKNOWN_RECIPIENT);
        assertThat(a.score()).isEqualByComparingTo("2.5");
        assertThat(a.level()).isEqualTo(Level.MEDIUM);
    }

    @Test
    void exactlyThreeIsHigh() {
        // DPC 3 (BSN) x EI 1 + CB 0 (internal) = 3
        Assessment a = assess(EnumSet.of(DataCategory.BSN), 1, Exposure.INTERNAL);
        assertThat(a.score()).isEqualByComparingTo("3");
        assertThat(a.level()).isEqualTo(Level.HIGH);
        assertThat(a.informSuggested()).isTrue();
    }

    @Test
    void justUnderFourIsHigh() {
        // DPC 4 (health) x EI 0.75 + CB 0.5 = 3.5
        Assessment a = assess(EnumSet.of(DataCategory.HEALTH, DataCategory.EMAIL_ADDRESS), 5, Exposure.UNKNOWN);
        assertThat(a.score()).isEqualByComparingTo("3.5");
        assertThat(a.level()).isEqualTo(Level.HIGH);
        assertThat(a.reasons()).extracting(Assessment.Reason::argument).contains("HEALTH");
    }

    @Test
    void exactlyFourIsVeryHigh() {
        // DPC 4 (health) x EI 1 (BSN) + CB 0 = 4
        Assessment a = assess(EnumSet.of(DataCategory.HEALTH, DataCategory.BSN), 1, Exposure.INTERNAL);
        assertThat(a.score()).isEqualByComparingTo(BigDecimal.valueOf(4));
        assertThat(a.level()).isEqualTo(Level.VERY_HIGH);
    }

    @Test
    void maliciousIntentAddsHalf() {
        // DPC 3 x EI 1 + CB 0.5 + 0.5 (hack) = 4
        Assessment a = enisa.assess(EnumSet.of(DataCategory.BSN), OptionalInt.of(1), Exposure.UNKNOWN_RECIPIENT, true);
        assertThat(a.score()).isEqualByComparingTo("4");
        assertThat(a.level()).isEqualTo(Level.VERY_HIGH);
    }

    @Test
    void bandEdgesInQuarters() {
        assertThat(Assessment.band(7)).isEqualTo(Level.LOW);
        assertThat(Assessment.band(8)).isEqualTo(Level.MEDIUM);
        assertThat(Assessment.band(11)).isEqualTo(Level.MEDIUM);
        assertThat(Assessment.band(12)).isEqualTo(Level.HIGH);
        assertThat(Assessment.band(15)).isEqualTo(Level.HIGH);
        assertThat(Assessment.band(16)).isEqualTo(Level.VERY_HIGH);
    }

    @Test
    void readsTheFormsAnswers() {
        Answers answers = Answers.empty().with(Field.DATA_CATEGORIES, "BSN,NAME").with(Field.PEOPLE_MAX, "3")
                .with(Field.RECIPIENT_EXPOSURE, "CONSUMER_MAILBOX");
        assertThat(enisa.assess(answers).score()).isEqualByComparingTo("3.5");
    }
}

package nl.lekwacht.inspect.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.lekwacht.inspect.Finding;
import org.junit.jupiter.api.Test;

class IbanAndSpecialCategoryTest {

    private final IbanDetector iban = new IbanDetector(IbanSettings.defaults());
    private final SpecialCategoryDetector special = new SpecialCategoryDetector(SpecialCategorySettings.defaults());

    @Test
    void findsDutchAndForeignIbansCompactOrSpacedAndMasksThem() {
        List<Finding> findings = iban.inspect(Messages.body(
                "Graag naar NL91 ABNA 0417 1643 00 of DE89370400440532013000, niet NL91ABNA0417164301."));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.count()).isEqualTo(2);
            assertThat(f.evidence()).containsExactly("NL************4300", "DE****************3000");
            assertThat(f.toString()).doesNotContain("0417164300");
        });
    }

    @Test
    void ignoresConfiguredIbansAndIbansGluedToText() {
        IbanDetector withIgnore = new IbanDetector(new IbanSettings(true, Set.of("NL91ABNA0417164300")));

        assertThat(withIgnore.inspect(Messages.body("IBAN NL91 ABNA 0417 1643 00"))).isEmpty();
        assertThat(iban.inspect(Messages.body("XNL91ABNA0417164300 NL91ABNA0417164300X"))).isEmpty();
    }

    @Test
    void namesTheCategoriesFoundWithEnoughDistinctTerms() {
        List<Finding> findings = special.inspect(Messages.body("Volgens het medisch advies is er sprake van een "
                + "depressie. Hij is veroordeeld en de reclassering is betrokken."));

        assertThat(findings).singleElement()
                .satisfies(f -> assertThat(f.details()).containsEntry("categories", "criminal,health"));
    }

    @Test
    void oneWordInASignatureDoesNotFire() {
        assertThat(special.inspect(Messages.body("Uw aanvraag is in behandeling.\n\nGroet,\nAfdeling GGZ"))).isEmpty();
    }

    @Test
    void termsFarApartDoNotCountTogether() {
        assertThat(special.inspect(Messages.body("medicatie " + "x ".repeat(400) + "diagnose"))).isEmpty();
    }

    @Test
    void adminsExtendTheDictionariesFromConfig() {
        SpecialCategoryDetector extended = new SpecialCategoryDetector(new SpecialCategorySettings(true, 300, 2,
                Map.of("health", List.of("long covid", "post-covid*")), Set.of()));

        assertThat(extended.inspect(Messages.body("Klachten: long covid, post-covidsyndroom."))).hasSize(1);
        assertThat(special.inspect(Messages.body("Klachten: long covid, post-covidsyndroom."))).isEmpty();
    }
}

package nl.lekwacht.inspect.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.lekwacht.config.ConfigLoader;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.config.source.ConfigProblem;
import org.junit.jupiter.api.Test;

class ContentSettingsTest {

    private static LekwachtConfig parse(String yaml) {
        return new ConfigLoader(Map.of()).parse("organisation: {internal-domains: [gemeente.example]}\n" + yaml);
    }

    @Test
    void readsEverySettingFromItsSection() {
        LekwachtConfig config = parse("""
                detectors:
                  bsn: {proximity: 100, min-list-size: 5, ignore: ["123.456.782"], extra-keywords: [clientnummer-bsn]}
                  iban: {ignore: ["NL91 ABNA 0417 1643 00"]}
                  special-category: {min-terms: 3, extra-terms: {health: [long covid]}, disabled-categories: [union]}
                """);

        BsnSettings bsn = BsnSettings.read(config.detectors().child("bsn"));
        IbanSettings iban = IbanSettings.read(config.detectors().child("iban"));
        SpecialCategorySettings special = SpecialCategorySettings.read(config.detectors().child("special-category"));

        assertThat(config.problems()).isEmpty();
        assertThat(bsn.proximity()).isEqualTo(100);
        assertThat(bsn.minListSize()).isEqualTo(5);
        assertThat(bsn.ignore()).containsExactly(123456782);
        assertThat(bsn.keywords()).contains("clientnummer-bsn", "burgerservicenummer*");
        assertThat(iban.ignore()).containsExactly("NL91ABNA0417164300");
        assertThat(special.minTerms()).isEqualTo(3);
        assertThat(special.extraTerms()).containsEntry("health", java.util.List.of("long covid"));
        assertThat(special.disabled()).containsExactly("union");
    }

    @Test
    void problemsNameTheKeyAndNeverEchoANumber() {
        LekwachtConfig config = parse("""
                detectors:
                  bsn: {proximty: 100, ignore: ["12345"], min-valid-share: 2}
                  iban: {ignore: [NL00XXXX]}
                  special-category: {disabled-categories: [astrology]}
                """);
        ContentDetectors.fromConfig(config.detectors());

        assertThat(config.problems()).extracting(ConfigProblem::key).contains("detectors.bsn.proximty",
                "detectors.bsn.ignore[0]", "detectors.bsn.min-valid-share", "detectors.iban.ignore[0]",
                "detectors.special-category.disabled-categories[0]");
        assertThat(config.problems().toString()).doesNotContain("12345");
    }

    @Test
    void defaultsBuildAllThreeContentDetectors() {
        assertThat(ContentDetectors.fromConfig(parse("").detectors())).extracting(d -> d.name())
                .containsExactly("bsn", "iban", "special-category");
    }

    @Test
    void aDisabledDetectorIsLeftOut() {
        assertThat(ContentDetectors.fromConfig(parse("detectors: {iban: {enabled: false}}").detectors()))
                .extracting(d -> d.name()).containsExactly("bsn", "special-category");
    }
}

package nl.lekwacht.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BsnMaskingTest {

    /** 123456782 and 111222333 pass the 11-proef; 123456789 does not. 12345672 reads as 012345672. */
    private static final String BSN = "123456782";

    @Test
    void masksPlainSpacedDottedAndDashedForms() {
        assertThat(BsnMasking.mask("BSN 123456782 aanvraag")).isEqualTo("BSN *****6782 aanvraag");
        assertThat(BsnMasking.mask("BSN 123 456 782.")).isEqualTo("BSN *****6782.");
        assertThat(BsnMasking.mask("BSN 123.456.782")).isEqualTo("BSN *****6782");
        assertThat(BsnMasking.mask("BSN 1234.56.782")).isEqualTo("BSN *****6782");
        assertThat(BsnMasking.mask("BSN 123-456-782")).isEqualTo("BSN *****6782");
        assertThat(BsnMasking.mask("BSN 123\u00A0456\u202F782")).isEqualTo("BSN *****6782");
    }

    @Test
    void masksNumbersGluedToWordsLikeFileNames() {
        assertThat(BsnMasking.mask("paspoort_123456782.pdf")).isEqualTo("paspoort_*****6782.pdf");
        assertThat(BsnMasking.mask("dossier123456782")).isEqualTo("dossier*****6782");
        assertThat(BsnMasking.mask("attachment:scan-123456782.pdf")).isEqualTo("attachment:scan-*****6782.pdf");
    }

    @Test
    void masksEightDigitsReadWithALeadingZero() {
        assertThat(BsnMasking.elevenProof(12345672)).isTrue();
        assertThat(BsnMasking.mask("nummer 12345672")).isEqualTo("nummer *****5672");
        assertThat(BsnMasking.mask("AP-12345672")).isEqualTo("AP-12345672");
    }

    @Test
    void masksDigitsHiddenByInvisibleOrWideCharacters() {
        assertThat(BsnMasking.mask("1234\u200B56782")).isEqualTo("*****6782");
        assertThat(BsnMasking.mask("１２３４５６７８２")).isEqualTo("*****6782");
        assertThat(BsnMasking.mask("1234\u00AD5678\u200D2")).isEqualTo("*****6782");
    }

    @Test
    void masksSeveralNumbersAndKeepsTheRest() {
        assertThat(BsnMasking.mask("123456782 en 111222333, niet 123456789"))
                .isEqualTo("*****6782 en *****2333, niet 123456789");
        assertThat(BsnMasking.mask("2026-123456782")).isEqualTo("2026-*****6782");
    }

    @Test
    void leavesNumbersThatAreNotWrittenAsABsn() {
        assertThat(BsnMasking.mask("1234567820")).isEqualTo("1234567820");
        assertThat(BsnMasking.mask("0612345678")).isEqualTo("0612345678");
        assertThat(BsnMasking.mask("2026-12-01T10:00:00Z")).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(BsnMasking.mask("123 456-782")).isEqualTo("123 456-782");
        assertThat(BsnMasking.mask("size=1024; *****6782")).isEqualTo("size=1024; *****6782");
        assertThat(BsnMasking.mask(null)).isNull();
        String none = "geen nummer";
        assertThat(BsnMasking.mask(none)).isSameAs(none);
    }

    @Test
    void isIdempotent() {
        String once = BsnMasking.mask("Dossier " + BSN + " en 123 456 782");
        assertThat(BsnMasking.mask(once)).isEqualTo(once);
    }

    @Test
    void staysLinearOnLongDigitChains() {
        String chain = "1 ".repeat(200_000) + BSN;
        long start = System.nanoTime();
        String masked = BsnMasking.mask(chain);
        System.out.printf("masking 400k characters of one-digit groups took %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertThat(masked).endsWith("*****6782");
    }
}

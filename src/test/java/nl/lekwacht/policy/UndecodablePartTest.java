package nl.lekwacht.policy;

import static org.assertj.core.api.Assertions.assertThat;

import nl.lekwacht.flow.Screened;
import nl.lekwacht.flow.Verdict;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.support.Bsns;
import org.junit.jupiter.api.Test;

/**
 * A part that cannot be decoded is uninspectable on its own: the other parts are still read, and
 * what is found in them decides as usual.
 */
class UndecodablePartTest {

    private final ScreeningFixture screening = new ScreeningFixture();
    private final String bsn = Bsns.valid(21);

    @Test
    void holdsForTheBsnInTheGoodPartWhenAnotherPartHasAnUnknownTransferEncoding() {
        Screened screened = screening.screen(withSecondPart(
                "Content-Type: text/plain\r\nContent-Transfer-Encoding: x-foo\r\n\r\nwhatever\r\n"));

        assertHeldForBsnInPartOneAndPartTwoUninspectable(screened);
    }

    @Test
    void holdsForTheBsnInTheGoodPartWhenAnAttachmentHasAnUnknownTransferEncoding() {
        Screened screened = screening.screen(withSecondPart("Content-Type: application/pdf\r\n"
                + "Content-Disposition: attachment; filename=brief.pdf\r\nContent-Transfer-Encoding: x-foo\r\n\r\n"
                + "JVBERi0\r\n"));

        assertHeldForBsnInPartOneAndPartTwoUninspectable(screened);
    }

    @Test
    void holdsForTheBsnInTheGoodPartWhenAnotherPartIsBase64WithoutPadding() {
        Screened screened = screening.screen(withSecondPart(
                "Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\neA\r\n"));

        assertThat(screened.verdict().action()).isEqualTo(Verdict.Action.HOLD);
        assertThat(screened.verdict().findings()).filteredOn(f -> f.code() == FindingCode.BSN)
                .extracting(Finding::part).containsExactly("1");
    }

    @Test
    void holdsForTheBsnInTheGoodPartWhenANestedMultipartHasNoBoundary() {
        Screened screened = screening.screen(withSecondPart(
                "Content-Type: multipart/mixed\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\ny\r\n--x--\r\n"));

        assertThat(screened.verdict().action()).isEqualTo(Verdict.Action.HOLD);
        assertThat(screened.verdict().findings()).filteredOn(f -> f.code() == FindingCode.BSN)
                .extracting(Finding::part).containsExactly("1");
    }

    private String withSecondPart(String secondPart) {
        return ScreeningFixture.headers("multipart/mixed; boundary=b")
                + "--b\r\nContent-Type: text/plain\r\n\r\nHet BSN van de aanvrager is " + bsn + ".\r\n"
                + "--b\r\n" + secondPart
                + "--b--\r\n";
    }

    private static void assertHeldForBsnInPartOneAndPartTwoUninspectable(Screened screened) {
        assertThat(screened.verdict().action()).isEqualTo(Verdict.Action.HOLD);
        assertThat(screened.verdict().findings()).filteredOn(f -> f.code() == FindingCode.BSN)
                .extracting(Finding::part).containsExactly("1");
        assertThat(screened.verdict().findings()).filteredOn(f -> f.code() == FindingCode.UNINSPECTABLE_ATTACHMENT)
                .extracting(Finding::part).containsExactly("2");
    }
}

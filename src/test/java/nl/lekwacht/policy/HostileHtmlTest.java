package nl.lekwacht.policy;

import static org.assertj.core.api.Assertions.assertThat;

import nl.lekwacht.flow.Screened;
import nl.lekwacht.flow.Verdict;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.support.Bsns;
import org.junit.jupiter.api.Test;

/**
 * A megabyte of markup that made the old regular expressions take quadratic time (minutes on the
 * session thread) is read in linear time, inside the budget, and the BSN after it is still found.
 * The time is printed for the record, never asserted.
 */
class HostileHtmlTest {

    private static final int MEGABYTE = 1024 * 1024;

    private final ScreeningFixture screening = new ScreeningFixture();

    @Test
    void holdsBsnAfterAMegabyteOfOpeningBrackets() {
        assertHeldForBsnAfter("<");
    }

    @Test
    void holdsBsnAfterAMegabyteOfUnclosedComments() {
        assertHeldForBsnAfter("<!--");
    }

    @Test
    void holdsBsnAfterAMegabyteOfUnclosedScripts() {
        assertHeldForBsnAfter("<script");
    }

    @Test
    void holdsBsnAfterAMegabyteOfMarkupBetweenDigitsInPlainText() {
        assertHeldForBsnAfter("1<span", "text/plain; charset=utf-8");
    }

    @Test
    void holdsBsnAfterAMegabyteOfUnfinishedCharacterReferences() {
        assertHeldForBsnAfter("&#1", "text/plain; charset=utf-8");
    }

    private void assertHeldForBsnAfter(String unit) {
        assertHeldForBsnAfter(unit, "text/html; charset=utf-8");
    }

    private void assertHeldForBsnAfter(String unit, String type) {
        String bsn = Bsns.valid(11);
        StringBuilder body = new StringBuilder(MEGABYTE + 200);
        while (body.length() < MEGABYTE) {
            body.append(unit);
            if (body.length() % 900 < unit.length()) {
                body.append("\r\n");
            }
        }
        body.append(" BSN ").append(bsn).append("\r\n");
        long started = System.nanoTime();
        Screened screened = screening.screen(ScreeningFixture.headers(type) + body);
        long took = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("1 MB of %s (%s) then a BSN: %s in %d ms%n", unit, type, screened.verdict().action(), took);

        assertThat(screened.verdict().action()).isEqualTo(Verdict.Action.HOLD);
        assertThat(screened.verdict().codes()).contains(FindingCode.BSN)
                .doesNotContain(FindingCode.UNINSPECTABLE_ATTACHMENT);
    }
}

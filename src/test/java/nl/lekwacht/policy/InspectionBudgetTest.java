package nl.lekwacht.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import nl.lekwacht.flow.Screened;
import nl.lekwacht.flow.Verdict;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.message.ContentExtractor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whatever a step of the inspection does, the decision comes within the message's budget: a step that
 * never returns makes the message uninspectable (timeout), decided by the policy like any such finding.
 */
class InspectionBudgetTest {

    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void releaseTheStuckStep() {
        never.countDown();
    }

    @Test
    void decidesAMessageWhoseInspectionNeverEndsAsUninspectableAtTheBudget() {
        ContentExtractor stuck = message -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                // the budget ran out: give up
                Thread.currentThread().interrupt();
            }
            return message;
        };
        ScreeningFixture screening = new ScreeningFixture("detectors:\n  budget: 300ms\n"
                + "policy:\n  UNINSPECTABLE_ATTACHMENT: hold\n", stuck);

        Screened screened = screening.screen(ScreeningFixture.headers("text/plain") + "Hallo\r\n");

        assertThat(screened.verdict().action()).isEqualTo(Verdict.Action.HOLD);
        assertThat(screened.verdict().findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.UNINSPECTABLE_ATTACHMENT);
            assertThat(f.details()).containsEntry("reason", "timeout");
        });
    }

    @Test
    void refusesABudgetLongerThanAnMtaWaitsForTheReply() {
        var config = new nl.lekwacht.config.ConfigLoader(java.util.Map.of()).parse("detectors:\n  budget: 20m\n");
        nl.lekwacht.inspect.InspectSide.validate(config);
        assertThat(config.problems().toString()).contains("detectors.budget");
    }
}

package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.lekwacht.config.OrganisationConfig;
import nl.lekwacht.support.MovableClock;
import org.junit.jupiter.api.Test;

/**
 * When the register learns that a message went to the wrong people, whoever learned from it is told:
 * on the sender's own report, and when the privacy officer records a misdirected-recipient incident as
 * a breach; never for "no breach", never for an incident about a BSN only, never twice.
 */
class SlipConfirmedTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final String SENDER = "a.jansen@gemeente.example";

    private final List<String> told = new ArrayList<>();
    private final MovableClock clock = new MovableClock(T0);
    private final IncidentRegister register = IncidentRegister.over(new InMemoryIncidentStore(), new FormDerivation(
            new OrganisationConfig(List.of("gemeente.example"), OrganisationConfig.DEFAULT_CONSUMER_DOMAINS, List.of()),
            72, new SeverityEstimate()), new SeverityEstimate(), new Workflow(), clock, Announcer.NONE,
            (sender, messageId) -> told.add(sender + " " + messageId));

    private static MessageFacts message(String messageId, String code) {
        return new MessageFacts("Q" + messageId, "", messageId, SENDER, "Uw aanvraag", List.of("gmail.com"), 1,
                List.of(new MessageFacts.FindingFact(code, "MEDIUM", "header:To", 1, List.of("j.jansen@gmail.com"), "")),
                T0.minusSeconds(5));
    }

    private long opened(MessageFacts facts) {
        return register.opening().openForMessage(Origin.MONITOR, facts, "lekwacht").incident().id();
    }

    private void recordAsBreachNotReported(long id) {
        register.editing().move(id, Status.IN_PROGRESS, "", "fg");
        register.editing().edit(id, Map.of(Field.NOT_REPORTED_REASON, "Eén ontvanger, bericht verwijderd",
                Field.NOT_REPORTED_APPROVED_BY, "J. de Vries (FG)"), Set.of(), "fg");
        register.editing().move(id, Status.NOT_REPORTED, "", "fg");
    }

    @Test
    void theSendersOwnReportTellsWhoLearnedFromTheMessage() {
        MessageFacts facts = message("<slip-1@gemeente.example>", "BSN");
        register.links().issueReportLink(facts, "token-1", Duration.ofDays(14));
        register.links().report(register.links().reportLink("token-1").orElseThrow(), "Verkeerde Jan", SENDER, 3);
        assertThat(told).containsExactly(SENDER + " <slip-1@gemeente.example>");
    }

    @Test
    void aMisdirectedIncidentRecordedAsABreachTellsOnce() {
        long id = opened(message("<slip-2@gemeente.example>", "MISDIRECTED_RECIPIENT"));
        recordAsBreachNotReported(id);
        assertThat(told).containsExactly(SENDER + " <slip-2@gemeente.example>");
        register.editing().move(id, Status.CLOSED, "", "fg");
        assertThat(told).as("closing it later tells nothing new").hasSize(1);
    }

    @Test
    void noBreachAndIncidentsWithoutAMisdirectedRecipientTellNothing() {
        long noBreach = opened(message("<slip-3@gemeente.example>", "MISDIRECTED_RECIPIENT"));
        register.editing().move(noBreach, Status.IN_PROGRESS, "", "fg");
        register.editing().move(noBreach, Status.NO_BREACH, "Juiste ontvanger", "fg");
        long bsnOnly = opened(message("<bsn-4@gemeente.example>", "BSN"));
        recordAsBreachNotReported(bsnOnly);
        assertThat(told).isEmpty();
    }
}

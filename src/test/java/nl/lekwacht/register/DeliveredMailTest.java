package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.lekwacht.config.OrganisationConfig;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.inspect.InspectionResult;
import nl.lekwacht.inspect.Severity;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.MailAddress;
import nl.lekwacht.message.MessageHeaders;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.flow.Screened;
import nl.lekwacht.flow.Verdict;
import nl.lekwacht.flow.Delivered;
import org.junit.jupiter.api.Test;

/** Which delivered messages open an incident, with which origin, and who is told. */
class DeliveredMailTest {

    private static final Finding BSN = new Finding(FindingCode.BSN, Severity.HIGH, "body", "1", 1, List.of("*****2333"),
            "1 BSN");
    private final InMemoryIncidentStore store = new InMemoryIncidentStore();
    private final OrganisationConfig organisation = new OrganisationConfig(List.of("gemeente.example"),
            OrganisationConfig.DEFAULT_CONSUMER_DOMAINS, List.of());
    private final IncidentRegister register = IncidentRegister.over(store, new FormDerivation(organisation, 72,
            new SeverityEstimate()), new SeverityEstimate(), new Workflow(), java.time.Clock.systemUTC());
    private final List<String> noticed = new ArrayList<>();
    private final DeliveredMail observer = new DeliveredMail(register.opening(), new Facts(organisation),
            (message, incident) -> noticed.add(message.queueId() + ":" + incident.map(Incident::reference).orElse("-")));

    private static Screened screened(String queueId, List<Finding> findings, List<String> failed, List<String> reasons,
                                     boolean openIncident) throws Exception {
        Envelope envelope = new Envelope(queueId, "a.jansen@gemeente.example", List.of("x@gmail.com",
                "collega@gemeente.example"), InetAddress.getLoopbackAddress(), "client.test", Optional.empty(),
                Instant.parse("2026-03-02T09:00:00Z"));
        MessageHeaders headers = new MessageHeaders("Onderwerp", List.of(), Optional.empty(), List.of(), List.of(),
                "<" + queueId + "@gemeente.example>", 0, List.of());
        OutboundMessage message = new OutboundMessage(envelope, headers, 100, List.of(), List.of(), List.of());
        return new Screened(message, new InspectionResult(findings, failed),
                new Verdict(Verdict.Action.DELIVER, reasons, findings, openIncident));
    }

    @Test
    void monitorOpensAnIncidentWithExternalDomainsOnly() throws Exception {
        delivered(screened("Q1", List.of(BSN), List.of(), List.of("1 BSN in body"), true),
                Instant.now());
        Incident incident = store.list(Optional.empty()).get(0);
        assertThat(incident.origin()).isEqualTo(Origin.MONITOR);
        assertThat(incident.message().orElseThrow().recipientDomains()).containsExactly("gmail.com");
        assertThat(incident.message().orElseThrow().recipientCount()).isEqualTo(2);
        assertThat(noticed).containsExactly("Q1:DL-000001");
    }

    @Test
    void failedInspectionIsFailOpenAndUnaskableSenderIsFallback() throws Exception {
        delivered(screened("Q2", List.of(), List.of("bsn"), List.of("inspection incomplete (bsn)"), true),
                Instant.now());
        delivered(screened("Q3", List.of(BSN), List.of(), List.of("1 BSN in body",
                "sender cannot confirm: fallback monitor"), true), Instant.now());
        assertThat(store.list(Optional.empty())).extracting(Incident::origin)
                .containsExactlyInAnyOrder(Origin.FAIL_OPEN, Origin.FALLBACK);
        assertThat(DeliveredMail.origin(screened("Q4", List.of(BSN), List.of("bsn"), List.of(), true)))
                .isEqualTo(Origin.FAIL_OPEN);
    }

    @Test
    void findingsThatOnlyLoggedOpenNothingButTheSenderStillGetsTheLink() throws Exception {
        delivered(screened("Q5", List.of(BSN), List.of(), List.of(), false), Instant.now());
        assertThat(store.list(Optional.empty())).isEmpty();
        assertThat(noticed).containsExactly("Q5:-");
    }

    @Test
    void cleanMailIsIgnored() throws Exception {
        delivered(screened("Q6", List.of(), List.of(), List.of(), false), Instant.now());
        assertThat(store.list(Optional.empty())).isEmpty();
        assertThat(noticed).isEmpty();
    }

    private void delivered(Screened screened, Instant at) {
        observer.delivered(new Delivered(screened, at, ""));
    }
}

package nl.lekwacht.inspect.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.lekwacht.config.ConfigLoader;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.inspect.Inspector;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.policy.Policy;
import nl.lekwacht.policy.PolicySettings;
import nl.lekwacht.flow.Verdict;
import org.junit.jupiter.api.Test;

/** The default actions and the exemptions of the policy, applied to what the content detectors find. */
class ContentPolicyTest {

    private static final String BSN_TEXT = "Het BSN van mevrouw is 123456782.";
    private static final String IBAN_TEXT = "Rekening NL91 ABNA 0417 1643 00.";
    private static final String HEALTH_TEXT = "Het medisch advies: depressie, behandeling bij de GGZ.";

    private static Verdict decide(String yaml, String text, String sender, String recipient) {
        LekwachtConfig config = new ConfigLoader(Map.of()).parse("organisation: {internal-domains: [gemeente.example]}\n"
                + yaml);
        Inspector inspector = new Inspector(ContentDetectors.fromConfig(config.detectors()), List.of());
        Envelope envelope = new Envelope("t", sender, List.of(recipient), InetAddress.getLoopbackAddress(), "t",
                Optional.empty(), Instant.EPOCH);
        var message = Messages.body(text);
        return new Policy(PolicySettings.read(config.policy()), config.organisation(), true).decide(inspector.inspect(message), envelope);
    }

    private static Verdict decide(String text) {
        return decide("", text, "medewerker@gemeente.example", "iemand@partner.example");
    }

    @Test
    void holdsBsnAndSpecialCategoryByDefault() {
        assertThat(decide(BSN_TEXT).action()).isEqualTo(Verdict.Action.HOLD);
        assertThat(decide(HEALTH_TEXT).action()).isEqualTo(Verdict.Action.HOLD);
    }

    @Test
    void allowsAnIbanByDefault() {
        Verdict verdict = decide(IBAN_TEXT);

        assertThat(verdict.action()).isEqualTo(Verdict.Action.DELIVER);
        assertThat(verdict.openIncident()).isFalse();
        assertThat(verdict.codes()).containsExactly(nl.lekwacht.inspect.FindingCode.IBAN);
    }

    @Test
    void aPictureOcrFoundNoTextInIsOnlyLoggedWhileAnUnreadableDocumentIsMonitored() {
        LekwachtConfig config = new ConfigLoader(Map.of()).parse("organisation: {internal-domains: [gemeente.example]}\n");
        Policy policy = new Policy(PolicySettings.read(config.policy()), config.organisation(), true);
        Envelope envelope = new Envelope("t", "medewerker@gemeente.example", List.of("iemand@partner.example"),
                InetAddress.getLoopbackAddress(), "t", Optional.empty(), Instant.EPOCH);
        Verdict photo = policy.decide(new nl.lekwacht.inspect.InspectionResult(List.of(uninspectable(
                nl.lekwacht.inspect.Severity.LOW, "unreadable")), List.of()), envelope);
        assertThat(photo.action()).isEqualTo(Verdict.Action.DELIVER);
        assertThat(photo.openIncident()).as("no incident for every holiday picture").isFalse();
        Verdict encrypted = policy.decide(new nl.lekwacht.inspect.InspectionResult(List.of(uninspectable(
                nl.lekwacht.inspect.Severity.MEDIUM, "encrypted")), List.of()), envelope);
        assertThat(encrypted.openIncident()).as("monitor by default").isTrue();
    }

    private static nl.lekwacht.inspect.Finding uninspectable(nl.lekwacht.inspect.Severity severity, String reason) {
        return new nl.lekwacht.inspect.Finding(nl.lekwacht.inspect.FindingCode.UNINSPECTABLE_ATTACHMENT, severity,
                "attachment:foto.jpg", "2", 1, List.of("foto.jpg"), "not readable", Map.of("reason", reason));
    }

    @Test
    void exemptsAPartnerDomainWithALegalBasis() {
        String yaml = "policy:\n  exemptions:\n    - {recipient-domains: [svb.example], codes: [BSN]}\n";

        assertThat(decide(yaml, BSN_TEXT, "medewerker@gemeente.example", "loket@svb.example").action())
                .isEqualTo(Verdict.Action.DELIVER);
        assertThat(decide(yaml, BSN_TEXT, "medewerker@gemeente.example", "iemand@partner.example").action())
                .isEqualTo(Verdict.Action.HOLD);
        assertThat(decide(yaml, HEALTH_TEXT, "medewerker@gemeente.example", "loket@svb.example").action())
                .isEqualTo(Verdict.Action.HOLD);
    }

    @Test
    void exemptsASender() {
        String yaml = "policy:\n  exemptions:\n    - {senders: [\"@wmo.gemeente.example\"], codes: [SPECIAL_CATEGORY]}\n";

        assertThat(decide(yaml, HEALTH_TEXT, "consulent@wmo.gemeente.example", "zorg@partner.example").action())
                .isEqualTo(Verdict.Action.DELIVER);
        assertThat(decide(yaml, HEALTH_TEXT, "medewerker@gemeente.example", "zorg@partner.example").action())
                .isEqualTo(Verdict.Action.HOLD);
    }
}

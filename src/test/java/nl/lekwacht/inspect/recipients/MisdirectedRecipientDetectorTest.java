package nl.lekwacht.inspect.recipients;

import static nl.lekwacht.inspect.recipients.Messages.a;
import static nl.lekwacht.inspect.recipients.Messages.to;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.lekwacht.policy.PolicySettings;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.inspect.InspectionResult;
import nl.lekwacht.inspect.Severity;
import nl.lekwacht.message.MailAddress;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.policy.Policy;
import nl.lekwacht.flow.Verdict;
import org.junit.jupiter.api.Test;

class MisdirectedRecipientDetectorTest {

    private static final MailAddress JAN = a("Jan Jansen", "jan.jansen@zorgpartner.nl");

    private final Messages.MemoryHistory history = new Messages.MemoryHistory().experienced().learn(to(JAN), 12);
    private final MisdirectedRecipientDetector detector = new MisdirectedRecipientDetector(
            MisdirectedRecipientSettings.defaults(), Messages.ORGANISATION, history, 20);

    private Finding single(OutboundMessage message) {
        List<Finding> findings = detector.inspect(message);
        assertThat(findings).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.code()).isEqualTo(FindingCode.MISDIRECTED_RECIPIENT);
        assertThat(f.details()).containsKeys("suggestion", "reason");
        return f;
    }

    @Test
    void suggestsTheKnownAddressForATypoInTheLocalPart() {
        Finding f = single(to(a("jan.janssen@zorgpartner.nl")));
        assertThat(f.details()).containsEntry("suggestion", "jan.jansen@zorgpartner.nl")
                .containsEntry("rule", "local-part-typo");
        assertThat(f.evidence()).containsExactly("jan.janssen@zorgpartner.nl -> did you mean jan.jansen@zorgpartner.nl?");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void suggestsTheKnownAddressForAnotherTopLevelDomain() {
        Finding f = single(to(a("jan.jansen@zorgpartner.com")));
        assertThat(f.details()).containsEntry("suggestion", "jan.jansen@zorgpartner.nl").containsEntry("rule", "tld-swap");
    }

    @Test
    void suggestsTheKnownAddressForTheSameNameAtAConsumerDomain() {
        Finding f = single(to(a("jan.jansen@gmail.com")));
        assertThat(f.details()).containsEntry("suggestion", "jan.jansen@zorgpartner.nl")
                .containsEntry("rule", "known-name-at-consumer-domain");
    }

    @Test
    void suggestsTheKnownAddressForTheSameDisplayNameElsewhere() {
        Finding f = single(to(a("Jan Jansen", "j.jansen@other.nl")));
        assertThat(f.details()).containsEntry("suggestion", "jan.jansen@zorgpartner.nl")
                .containsEntry("rule", "same-display-name");
        assertThat(f.where()).isEqualTo("header:To");
    }

    @Test
    void findsNothingForAGenuinelyNewContact() {
        assertThat(detector.inspect(to(a("Fatima Benali", "f.benali@jeugdzorgwest.nl")))).isEmpty();
        assertThat(detector.inspect(to(a("Kees de Boer", "keesdeboer1961@ziggo.nl")))).isEmpty();
    }

    @Test
    void findsNothingForAKnownCorrespondentInAnySpelling() {
        assertThat(detector.inspect(to(a("Jan Jansen", "Jan.Jansen+dossier@ZORGPARTNER.nl")))).isEmpty();
    }

    @Test
    void findsLookAlikeAndMisspelledDomains() {
        assertThat(single(to(a("jan.jansen@zorgpartrer.nl"))).details()).containsEntry("rule", "domain-typo");
        assertThat(single(to(a("iemand@zorgpartner.com"))).details())
                .containsEntry("suggestion", "iemand@zorgpartner.nl").containsEntry("rule", "tld-swap");
        assertThat(single(to(a("jan.jansen@zorgpartnerr.nl"))).details()).containsEntry("rule", "domain-typo");
        assertThat(single(to(a("jan.jansen@z0rgpartner.nl"))).details()).containsEntry("rule", "look-alike-domain");
    }

    @Test
    void scalesTheAllowedEditsWithLength() {
        Messages.MemoryHistory h = new Messages.MemoryHistory().experienced()
                .learn(to(a("piet@bouw.nl")), 12).learn(to(a("mdekker@bouw.nl")), 12)
                .learn(to(a("annemarie.vandenbroek@bouw.nl")), 12);
        MisdirectedRecipientDetector d = new MisdirectedRecipientDetector(MisdirectedRecipientSettings.defaults(),
                Messages.ORGANISATION, h, 20);
        assertThat(d.inspect(to(a("piel@bouw.nl")))).as("4 characters: no edit allowed").isEmpty();
        assertThat(d.inspect(to(a("mdekkr@bouw.nl")))).as("6 characters: one edit").hasSize(1);
        assertThat(d.inspect(to(a("mdkkr@bouw.nl")))).as("6 characters: two edits too many").isEmpty();
        assertThat(d.inspect(to(a("anemarie.vandenbroekk@bouw.nl")))).as("long: two edits").hasSize(1);
        // Three edits are too many for a typo; that it still completes like annemarie.vandenbroek is another rule.
        assertThat(d.inspect(to(a("annemarie.vndnbrke@bouw.nl")))).as("long: three edits too many")
                .noneMatch(f -> f.details().get("rule").equals("local-part-typo"));
    }

    @Test
    void doesNotTakeAnotherInitialOrYearForATypo() {
        Messages.MemoryHistory h = new Messages.MemoryHistory().experienced()
                .learn(to(a("k.degroot@ziggo.nl")), 12).learn(to(a("ahmed2000@gmail.com")), 12);
        MisdirectedRecipientDetector d = new MisdirectedRecipientDetector(MisdirectedRecipientSettings.defaults(),
                Messages.ORGANISATION, h, 20);
        assertThat(d.inspect(to(a("r.degroot@ziggo.nl")))).isEmpty();
        assertThat(d.inspect(to(a("ahmed2002@gmail.com")))).isEmpty();
    }

    @Test
    void findsTheAutocompleteSlipToAnAddressOnlyColleaguesMail() {
        Messages.MemoryHistory h = new Messages.MemoryHistory().experienced()
                .learn(to(a("Marieke de Wit", "marieke.dewit@zorgpartner.nl")), 40);
        // a colleague mails martijn.verbeek: the shared address book offers him after "mar"
        h.learn(new OutboundMessageBuilder("collega@gemeente.example").to("martijn.verbeek@woonstichting.nl"), 1);
        MisdirectedRecipientDetector d = new MisdirectedRecipientDetector(MisdirectedRecipientSettings.defaults(),
                Messages.ORGANISATION, h, 20);

        Finding f = d.inspect(to(a("Martijn Verbeek", "martijn.verbeek@woonstichting.nl"))).get(0);
        assertThat(f.details()).containsEntry("rule", "autocomplete")
                .containsEntry("suggestion", "marieke.dewit@zorgpartner.nl");
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(d.inspect(to(a("martijn.nieuw@woonstichting.nl")))).as("typed in full: nobody mails it").isEmpty();
    }

    @Test
    void reportsButNeverHoldsDuringTheLearningPeriod() {
        Messages.MemoryHistory fresh = new Messages.MemoryHistory().learn(to(JAN), 3);
        MisdirectedRecipientDetector d = new MisdirectedRecipientDetector(MisdirectedRecipientSettings.defaults(),
                Messages.ORGANISATION, fresh, 20);
        OutboundMessage message = to(a("jan.jansen@zorgpartner.com"));

        List<Finding> findings = d.inspect(message);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.details()).containsEntry(Finding.DETAIL_LEARNING, "true");
        });
        Policy policy = new Policy(PolicySettings.defaults(), Messages.ORGANISATION, true);
        assertThat(policy.decide(new InspectionResult(findings, List.of()), message.envelope()).action())
                .isEqualTo(Verdict.Action.DELIVER);
        assertThat(policy.decide(new InspectionResult(detector.inspect(message), List.of()), message.envelope())
                .action()).as("past the learning period").isEqualTo(Verdict.Action.HOLD);
    }

    @Test
    void learningEndsAtTheConfiguredNumberOfMessages() {
        OutboundMessage message = to(a("jan.jansen@zorgpartner.com"));
        Messages.MemoryHistory h = new Messages.MemoryHistory().learn(to(JAN), 19);
        MisdirectedRecipientDetector d = new MisdirectedRecipientDetector(MisdirectedRecipientSettings.defaults(),
                Messages.ORGANISATION, h, 20);
        assertThat(d.inspect(message).get(0).details()).as("19 of 20").containsKey(Finding.DETAIL_LEARNING);
        h.learn(to(JAN), 1);
        assertThat(d.inspect(message).get(0).details()).as("20 of 20").doesNotContainKey(Finding.DETAIL_LEARNING);
    }

    /** A message from another internal sender. */
    private record OutboundMessageBuilder(String sender) {
        OutboundMessage to(String recipient) {
            OutboundMessage base = Messages.to(a(recipient));
            return new OutboundMessage(new nl.lekwacht.message.Envelope("q", sender, List.of(recipient),
                    java.net.InetAddress.getLoopbackAddress(), "", java.util.Optional.empty(), Messages.T0),
                    base.headers(), 1, List.of(), List.of(), List.of());
        }
    }
}

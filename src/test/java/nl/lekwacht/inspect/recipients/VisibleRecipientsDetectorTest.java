package nl.lekwacht.inspect.recipients;

import static nl.lekwacht.inspect.recipients.Messages.a;
import static nl.lekwacht.inspect.recipients.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.lekwacht.history.HistoryView;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.inspect.Severity;
import nl.lekwacht.message.MailAddress;
import org.junit.jupiter.api.Test;

class VisibleRecipientsDetectorTest {

    private final VisibleRecipientsSettings settings = VisibleRecipientsSettings.defaults();

    private List<Finding> inspect(HistoryView history, List<MailAddress> to, List<MailAddress> cc, List<String> bcc) {
        return new VisibleRecipientsDetector(settings, Messages.ORGANISATION, history).inspect(message(to, cc, bcc));
    }

    private static List<MailAddress> residents(int n) {
        String[] providers = {"gmail.com", "hotmail.com", "ziggo.nl", "kpnmail.nl", "outlook.com", "live.nl"};
        List<MailAddress> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(a("Bewoner " + i, "bewoner" + i + "@" + providers[i % providers.length]));
        }
        return list;
    }

    private static List<MailAddress> partners(int n) {
        List<MailAddress> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(a("p" + i + "@partner" + i + ".nl"));
        }
        return list;
    }

    @Test
    void findsThirtyResidentsInTo() {
        List<Finding> findings = inspect(HistoryView.EMPTY, residents(30), List.of(), List.of());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.VISIBLE_RECIPIENTS);
            assertThat(f.count()).isEqualTo(30);
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.where()).isEqualTo("header:To");
            assertThat(f.evidence().get(0)).isEqualTo("30 addresses visible to 30 recipients");
            assertThat(f.evidence()).contains("bewoner3@kpnmail.nl");
            assertThat(f.details()).containsEntry("private", "30").containsKey("suggestion");
        });
    }

    @Test
    void findsNothingWhenTheSameThirtyAreInBcc() {
        List<String> bcc = residents(30).stream().map(MailAddress::address).toList();
        assertThat(inspect(HistoryView.EMPTY, List.of(), List.of(), bcc)).isEmpty();
    }

    @Test
    void findsNothingForEightInternalColleagues() {
        List<MailAddress> colleagues = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            colleagues.add(a("collega" + i + "@gemeente.example"));
        }
        colleagues.add(a("iemand@afdeling.gemeente.example"));
        assertThat(inspect(HistoryView.EMPTY, colleagues, List.of(), List.of())).isEmpty();
    }

    @Test
    void findsNothingForAProjectGroupThatReceivedMailTogetherThreeTimes() {
        List<MailAddress> group = partners(7);
        Messages.MemoryHistory history = new Messages.MemoryHistory()
                .learn(message(group, List.of(), List.of()), 3);

        assertThat(inspect(history, group, List.of(), List.of())).isEmpty();
        assertThat(inspect(history, group.subList(0, 5), List.of(), List.of())).as("a subset of the group").isEmpty();
        List<MailAddress> plusStranger = new ArrayList<>(group);
        plusStranger.add(a("stranger@elders.nl"));
        assertThat(inspect(history, plusStranger, List.of(), List.of())).as("the group plus a stranger").hasSize(1);
    }

    @Test
    void countsOrganisationAddressesFromTheThreshold() {
        assertThat(inspect(HistoryView.EMPTY, partners(4), List.of(), List.of())).as("under").isEmpty();
        assertThat(inspect(HistoryView.EMPTY, partners(3), partners(5).subList(3, 5), List.of())).as("at, To and Cc")
                .singleElement().satisfies(f -> {
                    assertThat(f.count()).isEqualTo(5);
                    assertThat(f.severity()).isEqualTo(Severity.LOW);
                    assertThat(f.where()).isEqualTo("header:To,Cc");
                });
        assertThat(inspect(HistoryView.EMPTY, partners(6), List.of(), List.of())).as("over").hasSize(1);
    }

    @Test
    void countsPrivatePersonsFromTheConsumerThreshold() {
        assertThat(inspect(HistoryView.EMPTY, residents(1), partners(2), List.of())).as("under").isEmpty();
        assertThat(inspect(HistoryView.EMPTY, residents(2), List.of(), List.of())).as("at").hasSize(1);
        assertThat(inspect(HistoryView.EMPTY, residents(3), List.of(), List.of())).as("over").hasSize(1);
    }

    @Test
    void growsSeverityWithTheCount() {
        assertThat(inspect(HistoryView.EMPTY, residents(9), List.of(), List.of()).get(0).severity())
                .isEqualTo(Severity.LOW);
        assertThat(inspect(HistoryView.EMPTY, residents(10), List.of(), List.of()).get(0).severity())
                .isEqualTo(Severity.MEDIUM);
        assertThat(inspect(HistoryView.EMPTY, residents(24), List.of(), List.of()).get(0).severity())
                .isEqualTo(Severity.MEDIUM);
        assertThat(inspect(HistoryView.EMPTY, residents(25), List.of(), List.of()).get(0).severity())
                .isEqualTo(Severity.HIGH);
    }

    @Test
    void findsNothingWhenAllAreAtOneTrustedPartner() {
        List<MailAddress> list = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            list.add(a("medewerker" + i + "@ketenpartner.nl"));
        }
        assertThat(inspect(HistoryView.EMPTY, list, List.of(), List.of())).isEmpty();
        list.add(a("x@gmail.com"));
        assertThat(inspect(HistoryView.EMPTY, list, List.of(), List.of())).hasSize(1);
    }

    @Test
    void doesNotCountTheSendersOwnAddressOrDuplicates() {
        List<MailAddress> to = new ArrayList<>(residents(1));
        to.add(a(Messages.SENDER));
        to.add(a("BEWONER0+x@gmail.com"));
        assertThat(inspect(HistoryView.EMPTY, to, List.of(), List.of())).isEmpty();
    }
}

package nl.lekwacht.inspect.recipients;

import static nl.lekwacht.inspect.recipients.Messages.a;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.lekwacht.history.LearnedMessage;
import nl.lekwacht.history.LearnedMessage.LearnedRecipient;
import nl.lekwacht.history.MessageKey;
import nl.lekwacht.history.OrganisationHistory;
import nl.lekwacht.history.SenderHistory;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.MailAddress;
import nl.lekwacht.message.MessageHeaders;
import nl.lekwacht.message.OutboundMessage;
import org.junit.jupiter.api.Test;

class CompletionSlipRuleTest {

    private static final String SENDER = Messages.SENDER;
    private static final Instant NOW = Instant.parse("2025-06-12T09:00:00Z");
    private static final String PETRA = "p.teryilmaz@woon.example";
    private static final String LOOK_ALIKE = "p.tervoort@huisarts.example";
    private static final String COLLEAGUE = "m.kok@woon.example";
    private static final String JAN = "jan.devries@zorgpartner.example";
    private static final MailAddress NEW_JAN = new MailAddress("jan.bakker@gmail.com", "Jan Bakker");

    private final CompletionSlipRule rule = new CompletionSlipRule(MisdirectedRecipientSettings.defaults());

    /** Petra mailed weekly until last week, often with her colleague in Cc; the look-alike twice in January. */
    private SenderHistory history() {
        SenderHistory h = SenderHistory.empty(SENDER);
        for (int i = 0; i < 12; i++) {
            h = h.plus(sent("<petra-" + i + "@gemeente.example>", NOW.minus(Duration.ofDays(7 + 7L * i)), PETRA,
                    i % 2 == 0 ? COLLEAGUE : null));
        }
        for (int i = 0; i < 2; i++) {
            h = h.plus(sent("<tervoort-" + i + "@gemeente.example>", NOW.minus(Duration.ofDays(150 + i)), LOOK_ALIKE,
                    null));
        }
        return h;
    }

    private static LearnedMessage sent(String messageId, Instant at, String to, String cc) {
        List<LearnedRecipient> recipients = new ArrayList<>(List.of(new LearnedRecipient(to, "")));
        if (cc != null) {
            recipients.add(new LearnedRecipient(cc, ""));
        }
        return new LearnedMessage(SENDER, at, recipients,
                cc == null ? java.util.Set.of() : java.util.Set.of(to, cc), MessageKey.of(SENDER, messageId));
    }

    private Resemblance find(List<MailAddress> to, List<MailAddress> cc, List<String> references, SenderHistory h) {
        return find(to, cc, references, h, addressBook(h, 0));
    }

    /** The organisation knows what this sender mailed, and {@code jans} other addresses starting with {@code jan.}. */
    private static OrganisationHistory addressBook(SenderHistory h, int jans) {
        List<OrganisationHistory.KnownAddress> known = new ArrayList<>();
        h.correspondents().forEach(c -> known.add(new OrganisationHistory.KnownAddress(c.address(), "", c.messages())));
        for (int i = 0; i < jans; i++) {
            known.add(new OrganisationHistory.KnownAddress("jan.lid" + i + "@vereniging.example", "", 1));
        }
        return new OrganisationHistory(known, Set.of());
    }

    /** Jan de Vries mailed weekly until last week, besides Petra. */
    private SenderHistory withJan() {
        SenderHistory h = history();
        for (int i = 0; i < 10; i++) {
            h = h.plus(sent("<jan-" + i + "@gemeente.example>", NOW.minus(Duration.ofDays(6 + 7L * i)), JAN, null));
        }
        return h;
    }

    private Resemblance find(List<MailAddress> to, List<MailAddress> cc, List<String> references, SenderHistory h,
                             OrganisationHistory everyone) {
        List<String> all = new ArrayList<>();
        to.forEach(x -> all.add(x.address()));
        cc.forEach(x -> all.add(x.address()));
        OutboundMessage m = new OutboundMessage(new Envelope("q", SENDER, all, InetAddress.getLoopbackAddress(), "c",
                Optional.empty(), NOW), new MessageHeaders("", List.of(a(SENDER)), Optional.empty(), to, cc, "", 1,
                List.of(), references), 100, List.of(), List.of(), List.of());
        List<Recipient> recipients = Recipient.external(m, Messages.ORGANISATION);
        return rule.find(recipients.get(0), recipients, h, everyone, m);
    }

    @Test
    void holdsAReplyInTheCorrespondentsThreadToANeverMailedLookAlike() {
        Resemblance r = find(List.of(a("p.teryer@huisarts.example")), List.of(), List.of("<petra-3@gemeente.example>"),
                history());
        assertThat(r).isNotNull();
        assertThat(r.suggestion()).isEqualTo(PETRA);
        assertThat(r.score()).isEqualTo("context");
    }

    @Test
    void holdsARarelyMailedLookAlikeWithTheCorrespondentsUsualCopy() {
        Resemblance r = find(List.of(a(LOOK_ALIKE)), List.of(a(COLLEAGUE)), List.of(), history());
        assertThat(r).isNotNull();
        assertThat(r.suggestion()).isEqualTo(PETRA);
    }

    @Test
    void holdsARarelyMailedLookAlikeNotMailedForMonthsWhileTheCorrespondentIsMailedWeekly() {
        Resemblance r = find(List.of(a(LOOK_ALIKE)), List.of(), List.of(), history());
        assertThat(r).isNotNull();
        assertThat(r.score()).isEqualTo("completion");
    }

    @Test
    void aCompletionWithoutContextIsTheWeakerSignalAndLowWhileContextMakesItMedium() {
        Resemblance bare = find(List.of(a(LOOK_ALIKE)), List.of(), List.of(), history());
        assertThat(MisdirectedRecipientDetector.severity(bare)).isEqualTo(nl.lekwacht.inspect.Severity.LOW);
        Resemblance inThread = find(List.of(a(LOOK_ALIKE)), List.of(), List.of("<petra-0@gemeente.example>"), history());
        assertThat(inThread.score()).isEqualTo("context");
        assertThat(MisdirectedRecipientDetector.severity(inThread)).isEqualTo(nl.lekwacht.inspect.Severity.MEDIUM);
    }

    @Test
    void passesAReplyInTheLookAlikesOwnThread() {
        assertThat(find(List.of(a(LOOK_ALIKE)), List.of(), List.of("<tervoort-1@gemeente.example>"), history()))
                .isNull();
    }

    @Test
    void passesTheCorrespondentItself() {
        assertThat(find(List.of(a(PETRA)), List.of(), List.of("<petra-3@gemeente.example>"), history())).isNull();
    }

    @Test
    void passesANewAddressThatCompletesLikeNobody() {
        assertThat(find(List.of(a("drukkerij@printwerk.example")), List.of(), List.of(), history())).isNull();
    }

    @Test
    void passesANewAddressSharingOnlyThreeCharactersWithoutContext() {
        assertThat(find(List.of(a("p.tuin@groen.example")), List.of(), List.of(), history())).isNull();
    }

    @Test
    void passesTheSameNameAtAnotherMailboxToTheSpellingRules() {
        assertThat(find(List.of(a("p.teryilmaz@gmail.com")), List.of(), List.of("<petra-3@gemeente.example>"),
                history())).isNull();
    }

    @Test
    void passesARarelyMailedCorrespondentMailedLately() {
        SenderHistory h = history().plus(sent("<tervoort-recent@gemeente.example>", NOW.minus(Duration.ofDays(3)),
                LOOK_ALIKE, null));
        assertThat(find(List.of(a(LOOK_ALIKE)), List.of(), List.of(), h)).as("three messages: no longer rare").isNull();
    }

    @Test
    void holdsANewAddressSharingAFirstNameFewInTheAddressBookHave() {
        SenderHistory h = withJan();
        Resemblance r = find(List.of(NEW_JAN), List.of(), List.of(), h, addressBook(h, CompletionSlipRule.COMMON_STEM - 1));
        assertThat(r).isNotNull();
        assertThat(r.suggestion()).isEqualTo(JAN);
        assertThat(r.score()).isEqualTo("completion");
    }

    @Test
    void passesANewAddressSharingAFirstNameManyInTheAddressBookHave() {
        SenderHistory h = withJan();
        assertThat(find(List.of(NEW_JAN), List.of(), List.of(), h, addressBook(h, CompletionSlipRule.COMMON_STEM)))
                .as("with Jan de Vries himself, one more than the limit start with jan.").isNull();
    }

    @Test
    void holdsANewAddressSharingACommonFirstNameWhenTheMessageContinuesTheCorrespondentsThread() {
        SenderHistory h = withJan();
        Resemblance r = find(List.of(NEW_JAN), List.of(), List.of("<jan-2@gemeente.example>"), h, addressBook(h, 500));
        assertThat(r).isNotNull();
        assertThat(r.score()).isEqualTo("context");
    }

    @Test
    void passesALongUnmailedAddressWhoseSharedStemIsCommon() {
        SenderHistory h = history();
        OrganisationHistory book = addressBook(h, 0);
        List<OrganisationHistory.KnownAddress> known = new ArrayList<>(book.indexedAddresses());
        for (int i = 0; i < CompletionSlipRule.COMMON_STEM; i++) {
            known.add(new OrganisationHistory.KnownAddress("p.ter" + (char) ('a' + i) + "@wijk.example", "", 1));
        }
        assertThat(find(List.of(a(LOOK_ALIKE)), List.of(), List.of(), h, new OrganisationHistory(known, Set.of())))
                .isNull();
    }
}

package nl.lekwacht.inspect.recipients;

import static nl.lekwacht.inspect.recipients.Messages.a;
import static nl.lekwacht.inspect.recipients.Messages.to;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.OutboundMessage;
import org.junit.jupiter.api.Test;

/** What keeps MISDIRECTED_RECIPIENT quiet on ordinary mail, and the slips it still finds. */
class MisdirectedRecipientPrecisionTest {

    private static MisdirectedRecipientDetector detector(Messages.MemoryHistory history) {
        return new MisdirectedRecipientDetector(MisdirectedRecipientSettings.defaults(), Messages.ORGANISATION,
                history, 20);
    }

    private static Messages.MemoryHistory knowing(String name, String address) {
        return new Messages.MemoryHistory().experienced().learn(to(a(name, address)), 12);
    }

    @Test
    void findsTheKnownNameSpelledAtANewAddress() {
        MisdirectedRecipientDetector d = detector(knowing("Lisa Ramdin", "lisaramdin@gmail.com"));

        Finding f = d.inspect(to(a("lisa_ramdin@oudernet.nl"))).get(0);

        assertThat(f.details()).containsEntry("rule", "known-name-new-address")
                .containsEntry("suggestion", "lisaramdin@gmail.com");
        assertThat(d.inspect(to(a("l.ramdin@oudernet.nl")))).as("an initial and a surname name nobody").isEmpty();
    }

    @Test
    void takesTwoMailProvidersForTwoMailboxesUnlessTheNameIsDistinctive() {
        Messages.MemoryHistory h = new Messages.MemoryHistory().experienced()
                .learn(to(a("k.tjon@hotmail.nl")), 12).learn(to(a("yasmina.vanwijk@hotmail.nl")), 12);
        MisdirectedRecipientDetector d = detector(h);

        assertThat(d.inspect(to(a("k.tjon@hotmail.com")))).as("another K. Tjon at the other provider").isEmpty();
        assertThat(d.inspect(to(a("yasmina.vanwijk@hotmail.com")))).singleElement()
                .satisfies(f -> assertThat(f.details()).containsEntry("rule", "same-local-part-other-domain")
                        .containsEntry("suggestion", "yasmina.vanwijk@hotmail.nl"));
    }

    @Test
    void judgesAPastedListOnSpellingAlone() {
        MisdirectedRecipientDetector d = detector(knowing("Jan Jansen", "jan.jansen@zorgpartner.nl")
                .learn(to(a("pieter.bakker@gmail.com")), 12));
        List<String> residents = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            residents.add("bewoner" + i + "@ziggo.nl");
        }

        List<String> namesake = new ArrayList<>(residents);
        namesake.add("jan.jansen@gmail.com");
        namesake.add("pieter.baker@gmail.com");
        assertThat(d.inspect(Messages.message(List.of(), List.of(), namesake)))
                .as("a namesake and a near-namesake at a mail provider among residents").isEmpty();

        List<String> typo = new ArrayList<>(residents);
        typo.add("jan.janssen@zorgpartner.nl");
        assertThat(d.inspect(Messages.message(List.of(), List.of(), typo))).singleElement()
                .satisfies(f -> assertThat(f.details()).containsEntry("rule", "local-part-typo"));
    }

    @Test
    void findsNoAutocompleteSlipWhereManyAddressesStartTheSameWay() {
        Messages.MemoryHistory few = knowing("Marieke de Wit", "marieke.dewit@zorgpartner.nl");
        few.learn(from("collega@gemeente.example", "martijn.verbeek@woonstichting.nl"), 1);
        assertThat(detector(few).inspect(to(a("Martijn Verbeek", "martijn.verbeek@woonstichting.nl"))))
                .as("few addresses start with mar").singleElement()
                .satisfies(f -> assertThat(f.details()).containsEntry("rule", "autocomplete")
                        .containsKey("score"));

        Messages.MemoryHistory many = knowing("Marieke de Wit", "marieke.dewit@zorgpartner.nl");
        for (int i = 0; i < 300; i++) {
            many.learn(from("collega@gemeente.example", "mar" + i + "@woonstichting.nl"), 1);
        }
        many.learn(from("collega@gemeente.example", "martijn.verbeek@woonstichting.nl"), 1);
        assertThat(detector(many).inspect(to(a("Martijn Verbeek", "martijn.verbeek@woonstichting.nl"))))
                .as("the address book offers hundreds after mar").isEmpty();
    }

    /** A message from another internal sender. */
    private static OutboundMessage from(String sender, String recipient) {
        OutboundMessage base = to(a(recipient));
        return new OutboundMessage(new Envelope("q", sender, List.of(recipient), InetAddress.getLoopbackAddress(), "",
                Optional.empty(), Messages.T0), base.headers(), 1, List.of(), List.of(), List.of());
    }
}

package nl.lekwacht.inspect.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CompletionMatchTest {

    @Test
    void countsTheFirstCharactersBothLocalPartsShare() {
        CompletionMatch m = CompletionMatch.of("t.denbman@ziggo.nl", "", "t.denblom@advocaat.example", Set.of());
        assertThat(m.prefix()).isEqualTo(6);
        assertThat(m.atLeast(4)).isTrue();
    }

    @Test
    void findsTheFirstNameOfTheDisplayNameInTheRecipientsLocalPart() {
        CompletionMatch m = CompletionMatch.of("karinzwartkamp76@yahoo.com", "", "kzwart@wijkteam.example",
                Set.of("Zwart, Karin"));
        assertThat(m.firstName()).isEqualTo("karin");
        assertThat(m.atLeast(4)).isTrue();
    }

    @Test
    void findsTheFirstNameOfTheRecipientsDisplayName() {
        CompletionMatch m = CompletionMatch.of("lvdr@hotmail.nl", "Lotte Bakker", "lvanderroelofs@ggd.example",
                Set.of("Lotte van der Roelofs | GGD"));
        assertThat(m.firstName()).isEqualTo("lotte");
    }

    @Test
    void takesTheFirstNameFromALocalPartWithoutDisplayName() {
        CompletionMatch m = CompletionMatch.of("jolandakaya69@vluchtelingenwerk.example", "",
                "jolanda_hoekstra@outlook.com", Set.of());
        assertThat(m.firstName()).isEqualTo("jolanda");
    }

    @Test
    void findsNothingBetweenUnrelatedAddresses() {
        CompletionMatch m = CompletionMatch.of("r.degroot@ziggo.nl", "Rik de Groot", "k.degroot@ziggo.nl",
                Set.of("Karin de Groot"));
        assertThat(m.prefix()).isZero();
        assertThat(m.firstName()).isEmpty();
        assertThat(m.atLeast(3)).isFalse();
    }

    @Test
    void doesNotTakeAShortFirstNameAtTheStartOfALocalPartForAMatch() {
        CompletionMatch m = CompletionMatch.of("jansen.petra@gmail.com", "", "jan.devries@partner.example",
                Set.of("Jan de Vries"));
        assertThat(m.firstName()).as("jan is the start of jansen, not a first name").isEmpty();
    }
}

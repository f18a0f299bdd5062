package nl.lekwacht.inspect.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.lekwacht.history.LearnedMessage;
import nl.lekwacht.history.LearnedMessage.LearnedRecipient;
import nl.lekwacht.history.SenderHistory;
import org.junit.jupiter.api.Test;

class CoRecipientsTest {

    private final SenderHistory history = SenderHistory.empty(Messages.SENDER).plus(new LearnedMessage(Messages.SENDER,
            Instant.parse("2025-05-01T10:00:00Z"), List.of(new LearnedRecipient("jan@partner.example", ""),
            new LearnedRecipient("kim@wijkteam.example", "")), Set.of("jan@partner.example", "kim@wijkteam.example")));

    private static final Recipient SLIP = new Recipient("jaap@other.example", "jaap@other.example", "", "To");
    private static final Recipient KIM = new Recipient("kim@wijkteam.example", "kim@wijkteam.example", "", "Cc");

    @Test
    void seesThatTheOtherRecipientIsUsuallyCopiedWithTheCorrespondent() {
        assertThat(CoRecipients.usuallyWith("jan@partner.example", SLIP, List.of(SLIP, KIM), history)).isTrue();
    }

    @Test
    void seesNothingWhenTheOtherRecipientWasNeverCopiedWithThem() {
        assertThat(CoRecipients.usuallyWith("piet@partner.example", SLIP, List.of(SLIP, KIM), history)).isFalse();
    }

    @Test
    void seesNothingWithoutOtherRecipients() {
        assertThat(CoRecipients.usuallyWith("jan@partner.example", SLIP, List.of(SLIP), history)).isFalse();
    }
}

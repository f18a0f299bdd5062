package nl.lekwacht.inspect.recipients;

import static nl.lekwacht.inspect.recipients.Messages.a;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.lekwacht.history.LearnedMessage;
import nl.lekwacht.history.LearnedMessage.LearnedRecipient;
import nl.lekwacht.history.MessageKey;
import nl.lekwacht.history.SenderHistory;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.MessageHeaders;
import nl.lekwacht.message.OutboundMessage;
import org.junit.jupiter.api.Test;

class ThreadContextTest {

    private static final String SENDER = Messages.SENDER;
    private final SenderHistory history = SenderHistory.empty(SENDER).plus(new LearnedMessage(SENDER,
            Instant.parse("2025-05-01T10:00:00Z"), List.of(new LearnedRecipient("jan@partner.example", "")), Set.of(),
            MessageKey.of(SENDER, "<first@gemeente.example>")));

    private static OutboundMessage reply(String sender, List<String> references) {
        return new OutboundMessage(new Envelope("q", sender, List.of("x@y.example"), InetAddress.getLoopbackAddress(),
                "c", Optional.empty(), Instant.parse("2025-06-01T10:00:00Z")), new MessageHeaders("", List.of(),
                Optional.empty(), List.of(a("x@y.example")), List.of(), "", 0, List.of(), references), 10, List.of(),
                List.of(), List.of());
    }

    @Test
    void knowsWhomTheThreadOfAReplyWasWith() {
        ThreadContext thread = ThreadContext.of(reply(SENDER,
                List.of("<their-answer@partner.example>", "<first@gemeente.example>")), history);
        assertThat(thread.known()).isTrue();
        assertThat(thread.includes("jan@partner.example")).isTrue();
        assertThat(thread.includes("piet@partner.example")).isFalse();
    }

    @Test
    void knowsNoThreadForANewMessage() {
        assertThat(ThreadContext.of(reply(SENDER, List.of()), history).known()).isFalse();
    }

    @Test
    void knowsNoThreadOfAnotherSendersMessage() {
        assertThat(ThreadContext.of(reply("b.bos@gemeente.example", List.of("<first@gemeente.example>")), history)
                .known()).as("message keys are per sender").isFalse();
    }

    @Test
    void readsTheIdsOfInReplyToAndReferencesInOrderWithoutDuplicates() {
        assertThat(MessageHeaders.references("<b@x>", "<a@x>\r\n <b@x> garbage"))
                .containsExactly("<b@x>", "<a@x>");
        assertThat(MessageHeaders.references(null, null)).isEmpty();
    }
}

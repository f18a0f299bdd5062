package nl.lekwacht.inspect.content;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.MessageHeaders;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.message.TextPart;

/** Builds outbound messages from text parts for detector tests. */
final class Messages {

    private Messages() {
    }

    static OutboundMessage of(TextPart... parts) {
        return new OutboundMessage(new Envelope("t", "medewerker@gemeente.example", List.of("x@partner.example"),
                InetAddress.getLoopbackAddress(), "t", Optional.empty(), Instant.EPOCH), MessageHeaders.empty(), 0,
                List.of(parts), List.of(), List.of());
    }

    static OutboundMessage body(String text) {
        return of(TextPart.body(text));
    }
}

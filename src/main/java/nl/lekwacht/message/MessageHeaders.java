package nl.lekwacht.message;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The header fields the gateway reasons about, decoded (RFC 2047) for display.
 *
 * @param subject       decoded subject, empty when absent
 * @param from          the From: addresses
 * @param sender        the Sender: address, present when mail was sent on someone's behalf
 * @param to            To: addresses
 * @param cc            Cc: addresses
 * @param messageId     Message-ID as written, empty when absent
 * @param receivedCount number of Received: fields, for loop detection
 * @param malformed     header problems the parser tolerated (an address list it could not read),
 *                      described without personal data
 */
public record MessageHeaders(String subject, List<MailAddress> from, Optional<MailAddress> sender,
                             List<MailAddress> to, List<MailAddress> cc, String messageId,
                             int receivedCount, List<String> malformed) {

    public MessageHeaders {
        subject = subject == null ? "" : subject;
        from = List.copyOf(from);
        Objects.requireNonNull(sender, "sender");
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        messageId = messageId == null ? "" : messageId;
        malformed = List.copyOf(malformed);
    }

    public static MessageHeaders empty() {
        return new MessageHeaders("", List.of(), Optional.empty(), List.of(), List.of(), "", 0, List.of());
    }
}

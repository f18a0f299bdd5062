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
 * @param references    the Message-IDs of In-Reply-To and References as written (the thread this
 *                      message continues), In-Reply-To first, without duplicates
 */
public record MessageHeaders(String subject, List<MailAddress> from, Optional<MailAddress> sender,
                             List<MailAddress> to, List<MailAddress> cc, String messageId,
                             int receivedCount, List<String> malformed, List<String> references) {

    public MessageHeaders {
        subject = subject == null ? "" : subject;
        from = List.copyOf(from);
        Objects.requireNonNull(sender, "sender");
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        messageId = messageId == null ? "" : messageId;
        malformed = List.copyOf(malformed);
        references = List.copyOf(references);
    }

    /** Headers of a message that continues no thread. */
    public MessageHeaders(String subject, List<MailAddress> from, Optional<MailAddress> sender, List<MailAddress> to,
                          List<MailAddress> cc, String messageId, int receivedCount, List<String> malformed) {
        this(subject, from, sender, to, cc, messageId, receivedCount, malformed, List.of());
    }

    /** Splits In-Reply-To and References into their Message-IDs, In-Reply-To first, duplicates left out. */
    public static List<String> references(String inReplyTo, String references) {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        for (String field : new String[] {inReplyTo, references}) {
            if (field == null) {
                continue;
            }
            java.util.regex.Matcher m = MESSAGE_ID.matcher(field);
            while (m.find() && ids.size() < MAX_REFERENCES) {
                ids.add(m.group());
            }
        }
        return List.copyOf(ids);
    }

    /** A thread longer than this is cut: the latest ids are the ones of In-Reply-To, read first. */
    private static final int MAX_REFERENCES = 100;
    private static final java.util.regex.Pattern MESSAGE_ID = java.util.regex.Pattern.compile("<[^<>\\s]{1,250}>");

    public static MessageHeaders empty() {
        return new MessageHeaders("", List.of(), Optional.empty(), List.of(), List.of(), "", 0, List.of(), List.of());
    }
}

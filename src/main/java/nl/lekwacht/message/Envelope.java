package nl.lekwacht.message;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SMTP envelope of one transaction: who the client said the mail is from and to, as opposed to
 * the headers, which the sender's mail client wrote.
 *
 * @param queueId      our id for the transaction, in every log line and reply
 * @param sender       the reverse path; empty for the null sender {@code <>} (bounces)
 * @param recipients   forward paths accepted by the next hop, in RCPT order
 * @param client       address of the sending MTA
 * @param helo         name the client gave in EHLO/HELO, empty when it gave none
 * @param authenticatedUser the SMTP AUTH identity, if the client authenticated
 * @param receivedAt   when DATA started
 */
public record Envelope(String queueId, String sender, List<String> recipients, InetAddress client,
                       String helo, Optional<String> authenticatedUser, Instant receivedAt) {

    public Envelope {
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(sender, "sender");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(client, "client");
        helo = helo == null ? "" : helo;
        Objects.requireNonNull(authenticatedUser, "authenticatedUser");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** True for the null reverse path {@code MAIL FROM:<>}, used by bounces and auto-replies. */
    public boolean isNullSender() {
        return sender.isEmpty();
    }

    /** The sender's domain in lower case, or empty for the null sender. */
    public String senderDomain() {
        int at = sender.lastIndexOf('@');
        return at < 0 ? "" : sender.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    }

    public Envelope withRecipients(List<String> newRecipients) {
        return new Envelope(queueId, sender, newRecipients, client, helo, authenticatedUser, receivedAt);
    }
}

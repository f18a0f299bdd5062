package nl.lekwacht.flow;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Sends mail the gateway itself is responsible for: released held messages and its own notices,
 * confirmations and reports. The smtp side implements it (the next hop, or {@code hold.notify-relay});
 * callers see only raw bytes going out and a result per recipient, so they can retry the temporary
 * failures and report the permanent ones. Thread-safe; one connection per call.
 */
@FunctionalInterface
public interface Outbox {

    /** Sends one message; never throws for a refusal or an unreachable relay, the result tells. */
    OutboxResult send(OutboxMail mail);

    /**
     * Sends a message we wrote ourselves.
     *
     * @throws IOException when it cannot be written, or no recipient accepted it
     */
    default OutboxResult send(MimeMessage message, String mailFrom, List<String> recipients) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            message.writeTo(bytes);
        } catch (MessagingException e) {
            throw new IOException("cannot write our own message", e);
        }
        OutboxResult result = send(OutboxMail.own(mailFrom, recipients, bytes.toByteArray()));
        if (result.accepted().isEmpty()) {
            throw new IOException("not accepted: " + result.temporary() + result.permanent());
        }
        return result;
    }
}

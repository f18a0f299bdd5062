package nl.lekwacht.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.policy.Verdict;

/**
 * Sends mail the gateway itself is responsible for: released held messages (their raw bytes, after
 * our trace lines) and our own notices (notifications, expiry notices, delivery status notifications,
 * register notices). Talks to one relay — the next hop, or {@code hold.notify-relay} — with MAIL and
 * each RCPT as separate commands, and reports per recipient, so a caller can retry the temporary
 * failures and report the permanent ones. One connection per call; thread-safe.
 */
public final class SystemMailer {

    private final NextHop relay;
    private final TraceHeaders traceHeaders;

    /** @param hostname our name in the Received: line of released messages ({@code smtp.hostname}) */
    public SystemMailer(NextHop relay, String hostname) {
        this.relay = relay;
        this.traceHeaders = new TraceHeaders(hostname);
    }

    /**
     * What became of each recipient of one attempt.
     *
     * @param delivered the relay accepted the message for these
     * @param temporary these failed for now (4xx, or the relay could not be reached): try again later
     * @param permanent these were refused for good (5xx), with the relay's reply
     */
    public record Result(List<String> delivered, Map<String, SmtpReply> temporary, Map<String, SmtpReply> permanent) {

        public Result {
            delivered = List.copyOf(delivered);
            temporary = Map.copyOf(temporary);
            permanent = Map.copyOf(permanent);
        }
    }

    /**
     * The two lines a relayed message gets (Received:, X-Lekwacht:), for a held message released
     * later: dated when we received it.
     */
    public byte[] traceFor(Envelope envelope, Verdict verdict, ZonedDateTime receivedAt) {
        return traceHeaders.render(envelope, false, verdict, receivedAt);
    }

    /** Sends a message we generated ourselves. */
    public Result send(MimeMessage message, String mailFrom, List<String> recipients) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            message.writeTo(bytes);
        } catch (MessagingException e) {
            throw new IOException("cannot write our own message", e);
        }
        byte[] raw = bytes.toByteArray();
        return deliver(mailFrom, recipients, new byte[0], new ByteArrayInputStream(raw), raw.length, eightBit(raw));
    }

    /**
     * Sends {@code prefix} then {@code content} as they are.
     *
     * @param size     the size for the SIZE parameter, -1 when unknown
     * @param eightBit the content has bytes above 127 (BODY=8BITMIME)
     */
    public Result deliver(String mailFrom, List<String> recipients, byte[] prefix, InputStream content, long size,
                          boolean eightBit) {
        Map<String, SmtpReply> temporary = new LinkedHashMap<>();
        Map<String, SmtpReply> permanent = new LinkedHashMap<>();
        List<String> accepted = new ArrayList<>();
        try (NextHopConnection connection = relay.connect()) {
            SmtpReply mail = connection.command("MAIL FROM:<" + mailFrom + ">" + parameters(connection, mailFrom,
                    recipients, size < 0 ? -1 : size + prefix.length, eightBit));
            if (!mail.isPositive()) {
                recipients.forEach(r -> (mail.isTransient() ? temporary : permanent).put(r, mail));
                return new Result(List.of(), temporary, permanent);
            }
            for (String recipient : recipients) {
                SmtpReply rcpt = connection.command("RCPT TO:<" + recipient + ">");
                if (rcpt.isPositive()) {
                    accepted.add(recipient);
                } else {
                    (rcpt.isTransient() ? temporary : permanent).put(recipient, rcpt);
                }
            }
            if (accepted.isEmpty()) {
                connection.reset();
                return new Result(List.of(), temporary, permanent);
            }
            SmtpReply data = connection.data(prefix, content);
            if (!data.isPositive()) {
                accepted.forEach(r -> (data.isTransient() ? temporary : permanent).put(r, data));
                return new Result(List.of(), temporary, permanent);
            }
            try {
                connection.command("QUIT");
            } catch (NextHopUnavailableException e) {
                // delivered already; a lost QUIT changes nothing
            }
            return new Result(accepted, temporary, permanent);
        } catch (NextHopUnavailableException e) {
            SmtpReply unreachable = SmtpReply.of(451, "4.4.1 " + relay.describe() + " unavailable: " + e.getMessage());
            for (String r : recipients) {
                if (!permanent.containsKey(r)) {
                    temporary.put(r, unreachable);
                }
            }
            return new Result(List.of(), temporary, permanent);
        }
    }

    private static String parameters(NextHopConnection connection, String mailFrom, List<String> recipients,
                                      long size, boolean eightBit) {
        StringBuilder out = new StringBuilder();
        if (size >= 0 && connection.supports("SIZE")) {
            out.append(" SIZE=").append(size);
        }
        if (eightBit && connection.supports("8BITMIME")) {
            out.append(" BODY=8BITMIME");
        }
        boolean utf8 = !StandardCharsets.US_ASCII.newEncoder().canEncode(mailFrom)
                || recipients.stream().anyMatch(r -> !StandardCharsets.US_ASCII.newEncoder().canEncode(r));
        if (utf8 && connection.supports("SMTPUTF8")) {
            out.append(" SMTPUTF8");
        }
        return out.toString();
    }

    private static boolean eightBit(byte[] raw) {
        for (byte b : raw) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }
}

package nl.lekwacht.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.lekwacht.flow.Outbox;
import nl.lekwacht.flow.OutboxMail;
import nl.lekwacht.flow.OutboxResult;
import nl.lekwacht.flow.OutboxResult.Failure;

/**
 * The {@link Outbox} over one relay — the next hop, or {@code hold.notify-relay}: MAIL and each RCPT
 * as separate commands, the raw bytes streamed as they are, a result per recipient. A released held
 * message gets our trace lines (Received:, X-Lekwacht:) first, dated when we received it. One
 * connection per call; thread-safe.
 */
final class RelayOutbox implements Outbox {

    private final NextHop relay;
    private final TraceHeaders traceHeaders;

    /** @param hostname our name in the Received: line of released messages ({@code smtp.hostname}) */
    RelayOutbox(NextHop relay, String hostname) {
        this.relay = relay;
        this.traceHeaders = new TraceHeaders(hostname);
    }

    @Override
    public OutboxResult send(OutboxMail mail) {
        byte[] prefix = mail.release().map(r -> concat(traceHeaders.render(r.received(), false, r.verdict(),
                r.received().receivedAt().atZone(ZoneOffset.UTC)), mail.prefix())).orElse(mail.prefix());
        return deliver(mail, prefix);
    }

    private OutboxResult deliver(OutboxMail mail, byte[] prefix) {
        List<String> recipients = mail.recipients();
        Map<String, Failure> temporary = new LinkedHashMap<>();
        Map<String, Failure> permanent = new LinkedHashMap<>();
        List<String> accepted = new ArrayList<>();
        try (NextHopConnection connection = relay.connect()) {
            SmtpReply mailReply = connection.command("MAIL FROM:<" + mail.mailFrom() + ">" + parameters(connection,
                    mail.mailFrom(), recipients, mail.size() < 0 ? -1 : mail.size() + prefix.length, mail.eightBit()));
            if (!mailReply.isPositive()) {
                recipients.forEach(r -> (mailReply.isTransient() ? temporary : permanent).put(r, failure(mailReply)));
                return new OutboxResult(List.of(), temporary, permanent);
            }
            for (String recipient : recipients) {
                SmtpReply rcpt = connection.command("RCPT TO:<" + recipient + ">");
                if (rcpt.isPositive()) {
                    accepted.add(recipient);
                } else {
                    (rcpt.isTransient() ? temporary : permanent).put(recipient, failure(rcpt));
                }
            }
            if (accepted.isEmpty()) {
                connection.reset();
                return new OutboxResult(List.of(), temporary, permanent);
            }
            SmtpReply data = connection.data(prefix, mail.content());
            if (!data.isPositive()) {
                accepted.forEach(r -> (data.isTransient() ? temporary : permanent).put(r, failure(data)));
                return new OutboxResult(List.of(), temporary, permanent);
            }
            try {
                connection.command("QUIT");
            } catch (NextHopUnavailableException e) {
                // delivered already; a lost QUIT changes nothing
            }
            return new OutboxResult(accepted, temporary, permanent);
        } catch (NextHopUnavailableException e) {
            Failure unreachable = failure(SmtpReply.of(451, "4.4.1 " + relay.describe() + " unavailable: "
                    + e.getMessage()));
            for (String r : recipients) {
                if (!permanent.containsKey(r)) {
                    temporary.put(r, unreachable);
                }
            }
            return new OutboxResult(List.of(), temporary, permanent);
        }
    }

    static Failure failure(SmtpReply reply) {
        return new Failure(reply.code(), reply.enhancedCode(), String.join("\n", reply.lines()));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(first.length + second.length);
        try {
            out.write(first);
            out.write(second);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
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
}

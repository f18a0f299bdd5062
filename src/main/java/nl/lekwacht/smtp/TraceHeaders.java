package nl.lekwacht.smtp;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.flow.Verdict;

/**
 * The two lines we put before a relayed message: our Received: line (RFC 5321 §4.4, with the
 * RFC 3848 protocol names) and {@code X-Lekwacht: <verdict>; <codes>}. Nothing else in the message is
 * touched.
 */
final class TraceHeaders {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US);

    private final String hostname;

    TraceHeaders(String hostname) {
        this.hostname = hostname;
    }

    byte[] render(Envelope envelope, boolean tls, Verdict verdict, ZonedDateTime now) {
        String protocol = "ESMTP" + (tls ? "S" : "") + (envelope.authenticatedUser().isPresent() ? "A" : "");
        String helo = envelope.helo().isEmpty() ? "unknown" : sanitise(envelope.helo());
        StringBuilder received = new StringBuilder()
                .append("Received: from ").append(helo)
                .append(" ([").append(envelope.client().getHostAddress()).append("])\r\n")
                .append("\tby ").append(hostname).append(" (Lekwacht) with ").append(protocol)
                .append(" id ").append(envelope.queueId());
        if (envelope.recipients().size() == 1) {
            received.append("\r\n\tfor <").append(sanitise(envelope.recipients().get(0))).append(">");
        }
        received.append("; ").append(DATE.format(now)).append("\r\n");
        String codes = verdict.codes().isEmpty() ? "none"
                : verdict.codes().stream().map(Enum::name).collect(Collectors.joining(","));
        received.append("X-Lekwacht: ").append(verdict.action().name()).append("; ").append(codes).append("\r\n");
        return received.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Client-supplied text must not be able to add header lines of its own, nor put 8-bit or control
     * characters into a header of a message that may not be 8-bit.
     */
    private static String sanitise(String text) {
        return text.replaceAll("[^\\x21-\\x7E]|[<>;]", "_");
    }
}

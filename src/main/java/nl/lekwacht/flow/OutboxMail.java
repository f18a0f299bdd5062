package nl.lekwacht.flow;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.lekwacht.message.Envelope;

/**
 * One message for the {@link Outbox}: envelope and raw bytes, sent as they are ({@code prefix}, then
 * {@code content}).
 *
 * @param size     the size for the SIZE parameter, -1 when unknown
 * @param eightBit the content has bytes above 127 (BODY=8BITMIME)
 * @param release  for a held message being released: how it was received and judged, so that the
 *                 outbox puts the gateway's trace lines before it, dated when it was received;
 *                 empty for the gateway's own messages
 */
public record OutboxMail(String mailFrom, List<String> recipients, byte[] prefix, InputStream content, long size,
                         boolean eightBit, Optional<Release> release) {

    /** The receiving transaction and the verdict of a held message, for its trace lines. */
    public record Release(Envelope received, Verdict verdict) {
    }

    public OutboxMail {
        Objects.requireNonNull(mailFrom, "mailFrom");
        recipients = List.copyOf(recipients);
        prefix = prefix == null ? new byte[0] : prefix;
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(release, "release");
    }

    /** A message we generated, whole in memory. */
    public static OutboxMail own(String mailFrom, List<String> recipients, byte[] raw) {
        return new OutboxMail(mailFrom, recipients, new byte[0], new ByteArrayInputStream(raw), raw.length,
                eightBit(raw), Optional.empty());
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

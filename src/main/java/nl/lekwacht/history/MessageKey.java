package nl.lekwacht.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What history keeps of a Message-ID: a SHA-256 of the sender and the id, the same key the register
 * gives the message behind an incident. Threads are followed by these keys (a reply's References name
 * the sender's earlier messages), a re-import is recognised by them, and a message reported as
 * misdirected is found by them; the id itself (which may name a host or a case number) is not stored.
 */
public final class MessageKey {

    private MessageKey() {
    }

    /** @return the key, or empty when there is no Message-ID */
    public static String of(String sender, String messageId) {
        String id = messageId == null ? "" : messageId.strip().toLowerCase(Locale.ROOT);
        if (id.isEmpty()) {
            return "";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    (AddressKey.of(sender) + "\n" + id).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

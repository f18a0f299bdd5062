package nl.lekwacht.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.lekwacht.config.source.ConfigNode;
import nl.lekwacht.config.source.HostPort;

/**
 * Held messages.
 *
 * @param expiry          a hold not decided on by then is not sent, and the sender is told
 * @param linkSecret      HMAC secret shared by every instance; empty means a per-process random one
 * @param encryptionKey   base64 AES key for held content; empty means a per-process random one
 * @param oldEncryptionKeys earlier keys, still readable after a rotation
 * @param notifyRelay     where notifications are sent; empty means the next hop
 * @param contentGrace    how long content is kept after a hold is decided
 * @param notifyFrom      envelope and From: address of notifications
 */
public record HoldConfig(Duration expiry, String linkSecret, String encryptionKey, List<String> oldEncryptionKeys,
                         Optional<HostPort> notifyRelay, Duration contentGrace, String notifyFrom) {

    static HoldConfig read(ConfigNode node) {
        node.rejectUnknownKeys(Set.of("expiry", "link-secret", "encryption-key", "old-encryption-keys",
                "notify-relay", "content-grace", "notify-from"));
        String secret = node.string("link-secret", "");
        if (!secret.isEmpty() && secret.length() < 32) {
            node.problem("link-secret", "must be at least 32 characters");
        }
        Optional<HostPort> relay = node.optionalString("notify-relay").map(text -> {
            try {
                return HostPort.parse(text);
            } catch (IllegalArgumentException e) {
                node.problem("notify-relay", e.getMessage());
                return null;
            }
        });
        return new HoldConfig(node.duration("expiry", Duration.ofHours(24)), secret,
                node.string("encryption-key", ""), node.strings("old-encryption-keys", List.of()), relay,
                node.duration("content-grace", Duration.ofDays(1)),
                node.string("notify-from", "lekwacht@localhost"));
    }
}

package nl.lekwacht.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * Makes every instance that shares a store use the same secrets (the link secret, the content key):
 * the first instance records a fingerprint of each, and an instance whose secret has another
 * fingerprint refuses to start, instead of serving links and content the others cannot read.
 *
 * <p>The fingerprint is an HMAC of a fixed label under the secret, so it reveals nothing of it.
 */
final class SecretFingerprints {

    private static final byte[] LABEL = "lekwacht secret fingerprint v1".getBytes(StandardCharsets.US_ASCII);

    private final DataSource dataSource;
    private final Clock clock;

    public SecretFingerprints(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Records the secret's fingerprint under {@code name}, or checks it against the recorded one.
     *
     * @param name the config key of the secret, used in the error message
     * @throws IllegalStateException when another instance recorded a different secret
     */
    public void verify(String name, byte[] secret) {
        String fingerprint = fingerprint(secret);
        try (Connection c = dataSource.getConnection()) {
            String recorded = recorded(c, name);
            if (recorded == null) {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO secret_fingerprint (name, fingerprint, recorded_at) VALUES (?, ?, ?)")) {
                    insert.setString(1, name);
                    insert.setString(2, fingerprint);
                    insert.setTimestamp(3, Timestamp.from(clock.instant()));
                    insert.executeUpdate();
                    return;
                } catch (SQLException raced) {
                    // another instance recorded it at the same moment: compare with theirs
                    recorded = recorded(c, name);
                }
            }
            if (!fingerprint.equals(recorded)) {
                throw new IllegalStateException(name + " differs from the one the other instances on this store use"
                        + " (fingerprint " + recorded.substring(0, 12) + "..., ours " + fingerprint.substring(0, 12)
                        + "...): give every instance the same value");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the fingerprint of " + name + ": " + e.getMessage(), e);
        }
    }

    static String fingerprint(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(LABEL));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String recorded(Connection c, String name) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT fingerprint FROM secret_fingerprint WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}

package nl.lekwacht.hold;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Link tokens and the CSRF tokens of their forms. A link token is 256 random bits (base64url); the
 * store keeps only its SHA-256, so a copy of the database opens no hold. A CSRF token is stateless:
 * {@code issuedAt.HMAC(link secret, token hash|issuedAt)}, so any instance sharing the link secret
 * accepts a form another instance served. Thread-safe.
 */
public final class LinkTokens {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;
    private final SecureRandom random;
    private final Clock clock;

    /** @param secret the link secret shared by every instance */
    public LinkTokens(byte[] secret, SecureRandom random, Clock clock) {
        this.secret = secret.clone();
        this.random = random;
        this.clock = clock;
    }

    /** A new link token: 32 random bytes, base64url without padding (43 characters). */
    public String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return URL.encodeToString(bytes);
    }

    /** True when {@code token} has the shape of one of ours (anything else is not looked up). */
    public static boolean wellFormed(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /** SHA-256 of the token, hex: what the store keeps. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CSRF token for the forms of the page of {@code tokenHash}, issued now. */
    public String csrf(String tokenHash) {
        long issued = clock.instant().getEpochSecond();
        return issued + "." + mac(tokenHash + "|" + issued);
    }

    /** True when {@code csrf} was issued by an instance with our secret for this link, within {@code maxAge}. */
    public boolean validCsrf(String tokenHash, String csrf, Duration maxAge) {
        if (csrf == null) {
            return false;
        }
        int dot = csrf.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        long issued;
        try {
            issued = Long.parseLong(csrf.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        byte[] expected = mac(tokenHash + "|" + issued).getBytes(StandardCharsets.US_ASCII);
        byte[] given = csrf.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return false;
        }
        Instant at = Instant.ofEpochSecond(issued);
        Instant now = clock.instant();
        return !at.isAfter(now.plusSeconds(60)) && !at.plus(maxAge).isBefore(now);
    }

    /** Fingerprint of the link secret, for comparing instances. */
    public String fingerprint() {
        return mac("fingerprint").substring(0, 16);
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return URL.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package nl.lekwacht.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random tokens, their hashes and a comparison that takes the same time however much matches. */
public final class Tokens {

    private final SecureRandom random;

    public Tokens(SecureRandom random) {
        this.random = random;
    }

    /** 32 random bytes, URL-safe base64 without padding. */
    public String random() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Compares digests, so neither length nor a common prefix shows in the time taken. */
    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(a).getBytes(StandardCharsets.US_ASCII),
                sha256(b).getBytes(StandardCharsets.US_ASCII));
    }
}

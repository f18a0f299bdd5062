package nl.lekwacht.hold;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals held content at rest with AES-GCM (JDK crypto), in chunks of {@value #CHUNK} bytes so that
 * neither sealing nor opening ever holds a whole large message. Each chunk is
 * {@code version(1) | key id(8) | IV(12) | ciphertext+tag}, authenticated together with the content
 * id, its number and whether it is the last, so chunks cannot be swapped, reordered or cut off.
 * New content uses the current key; content sealed with an old key (rotation) stays readable.
 * Thread-safe.
 */
final class ContentCipher {

    private static final Logger log = LoggerFactory.getLogger(ContentCipher.class);
    static final int CHUNK = 1 << 20;
    private static final byte VERSION = 1;
    private static final int KEY_ID = 8;
    private static final int IV = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey current;
    private final byte[] currentId;
    private final Map<String, SecretKey> readable;
    private final SecureRandom random;

    private ContentCipher(SecretKey current, List<SecretKey> old, SecureRandom random) {
        this.current = current;
        this.currentId = keyId(current);
        this.readable = new LinkedHashMap<>();
        readable.put(HexFormat.of().formatHex(currentId), current);
        old.forEach(k -> readable.put(HexFormat.of().formatHex(keyId(k)), k));
        this.random = random;
    }

    /**
     * @param base64Key  the current AES key (16, 24 or 32 bytes, base64); empty makes a random key for
     *                   this process only, with a loud warning: held content is then unreadable after a
     *                   restart and by other instances
     * @param oldKeys    earlier keys, still accepted for reading
     * @throws IllegalArgumentException for a key that is not base64 or not an AES key length
     */
    public static ContentCipher fromConfig(String base64Key, List<String> oldKeys, SecureRandom random) {
        SecretKey current;
        if (base64Key == null || base64Key.isBlank()) {
            log.warn("hold.encryption-key is not set: held messages are sealed with a random key of this process "
                    + "only. They cannot be released after a restart or by another instance. Set "
                    + "hold.encryption-key (32 random bytes, base64) in production.");
            try {
                KeyGenerator generator = KeyGenerator.getInstance("AES");
                generator.init(256, random);
                current = generator.generateKey();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("AES is not available in this JVM", e);
            }
        } else {
            current = key(base64Key, "hold.encryption-key");
        }
        List<SecretKey> old = new ArrayList<>();
        for (String k : oldKeys) {
            old.add(key(k, "hold.old-encryption-keys"));
        }
        return new ContentCipher(current, old, random);
    }

    /** A short fingerprint of the current key, safe to log and to compare between instances. */
    public String fingerprint() {
        return HexFormat.of().formatHex(currentId);
    }

    /** Seals {@code plain} chunk by chunk as the returned source is read. */
    public ChunkSource seal(String contentId, InputStream plain) {
        return new ChunkSource() {
            private byte[] pending = read(plain);
            private int seq;
            private boolean done;

            @Override
            public byte[] next() throws IOException {
                if (done) {
                    return null;
                }
                byte[] chunk = pending;
                byte[] following = chunk.length < CHUNK ? new byte[0] : read(plain);
                boolean last = following.length == 0;
                pending = following;
                done = last;
                return sealChunk(contentId, seq++, last, chunk);
            }
        };
    }

    /** Seals bytes already in memory (our own notices). */
    public ChunkSource seal(String contentId, byte[] plain) {
        return seal(contentId, new java.io.ByteArrayInputStream(plain));
    }

    /**
     * Opens sealed content chunk by chunk as it is read.
     *
     * @throws IOException from the stream when a chunk is missing, altered or sealed with an unknown key
     */
    public InputStream open(String contentId, ChunkReader chunks) {
        return new SealedInputStream(contentId, chunks, this);
    }

    /**
     * Why {@code contentId} cannot be opened with the configured keys, judged by its first chunk (a
     * changed key shows there); empty when it opens.
     */
    public java.util.Optional<String> unreadable(String contentId, ChunkReader chunks) {
        byte[] first = chunks.chunk(contentId, 0);
        if (first == null) {
            return java.util.Optional.of("sealed content " + contentId + " is missing");
        }
        try {
            openChunk(contentId, 0, new boolean[1], first);
            return java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    /** Reads sealed chunks by number; null when there is none. */
    @FunctionalInterface
    public interface ChunkReader {
        byte[] chunk(String contentId, int seq);
    }

    byte[] openChunk(String contentId, int seq, boolean[] last, byte[] sealed) throws IOException {
        if (sealed.length < 1 + KEY_ID + IV + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new IOException("sealed content " + contentId + "#" + seq + " is malformed");
        }
        String id = HexFormat.of().formatHex(sealed, 1, 1 + KEY_ID);
        SecretKey key = readable.get(id);
        if (key == null) {
            throw new IOException("sealed content " + contentId + " uses a key that is not configured (id " + id
                    + "); hold.encryption-key was changed: add the key it was sealed with to "
                    + "hold.old-encryption-keys");
        }
        for (boolean candidate : new boolean[] {false, true}) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1 + KEY_ID, IV));
                cipher.updateAAD(aad(contentId, seq, candidate));
                byte[] plain = cipher.doFinal(sealed, 1 + KEY_ID + IV, sealed.length - 1 - KEY_ID - IV);
                last[0] = candidate;
                return plain;
            } catch (javax.crypto.AEADBadTagException e) {
                // try the other position flag; both failing means tampering
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot open sealed content " + contentId, e);
            }
        }
        throw new IOException("sealed content " + contentId + "#" + seq + " failed authentication (altered, "
                + "or sealed with another key)");
    }

    private byte[] sealChunk(String contentId, int seq, boolean last, byte[] plain) throws IOException {
        try {
            byte[] iv = new byte[IV];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(contentId, seq, last));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + KEY_ID + IV + sealed.length).put(VERSION).put(currentId).put(iv)
                    .put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot seal content", e);
        }
    }

    private static byte[] aad(String contentId, int seq, boolean last) {
        return (contentId + "|" + seq + "|" + (last ? "last" : "more")).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] read(InputStream in) {
        try {
            return in.readNBytes(CHUNK);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static SecretKey key(String base64, String key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": not base64");
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalArgumentException(key + ": an AES key is 16, 24 or 32 bytes, got " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static byte[] keyId(SecretKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return java.util.Arrays.copyOf(digest, KEY_ID);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

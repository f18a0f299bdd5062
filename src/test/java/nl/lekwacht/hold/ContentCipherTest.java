package nl.lekwacht.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContentCipherTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    private final SecureRandom random = new SecureRandom();

    private static Map<Integer, byte[]> sealAll(ContentCipher cipher, String id, byte[] plain) throws IOException {
        Map<Integer, byte[]> chunks = new HashMap<>();
        ChunkSource source = cipher.seal(id, new ByteArrayInputStream(plain));
        int seq = 0;
        for (byte[] c = source.next(); c != null; c = source.next()) {
            chunks.put(seq++, c);
        }
        return chunks;
    }

    private static byte[] openAll(ContentCipher cipher, String id, Map<Integer, byte[]> chunks) throws IOException {
        try (InputStream in = cipher.open(id, (cid, seq) -> cid.equals(id) ? chunks.get(seq) : null)) {
            return in.readAllBytes();
        }
    }

    @Test
    void roundTripsUnderAtAndOverTheChunkSize() throws IOException {
        ContentCipher cipher = ContentCipher.fromConfig(KEY_A, List.of(), random);
        for (int size : new int[] {0, 1, ContentCipher.CHUNK - 1, ContentCipher.CHUNK, ContentCipher.CHUNK + 1,
                3 * ContentCipher.CHUNK + 17}) {
            byte[] plain = new byte[size];
            new Random(size).nextBytes(plain);
            Map<Integer, byte[]> chunks = sealAll(cipher, "h1", plain);
            assertThat(chunks).hasSize(Math.max(1, (size + ContentCipher.CHUNK - 1) / ContentCipher.CHUNK));
            assertThat(openAll(cipher, "h1", chunks)).as("size " + size).isEqualTo(plain);
        }
    }

    @Test
    void contentIsNotStoredInTheClear() throws IOException {
        ContentCipher cipher = ContentCipher.fromConfig(KEY_A, List.of(), random);
        byte[] plain = "BSN 123456782 van de aanvrager".getBytes();
        byte[] sealed = sealAll(cipher, "h1", plain).get(0);
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("123456782");
    }

    @Test
    void oldKeysStayReadableAfterRotation() throws IOException {
        byte[] plain = "held before the rotation".getBytes();
        Map<Integer, byte[]> sealed = sealAll(ContentCipher.fromConfig(KEY_A, List.of(), random), "h1", plain);
        ContentCipher rotated = ContentCipher.fromConfig(KEY_B, List.of(KEY_A), random);
        assertThat(openAll(rotated, "h1", sealed)).isEqualTo(plain);
        ContentCipher forgotten = ContentCipher.fromConfig(KEY_B, List.of(), random);
        assertThatThrownBy(() -> openAll(forgotten, "h1", sealed)).isInstanceOf(IOException.class)
                .hasMessageContaining("old-encryption-keys");
    }

    @Test
    void alteredSwappedOrCutOffChunksAreRefused() throws IOException {
        ContentCipher cipher = ContentCipher.fromConfig(KEY_A, List.of(), random);
        byte[] plain = new byte[2 * ContentCipher.CHUNK + 5];
        Map<Integer, byte[]> chunks = sealAll(cipher, "h1", plain);

        Map<Integer, byte[]> altered = new HashMap<>(chunks);
        byte[] flipped = chunks.get(1).clone();
        flipped[40] ^= 1;
        altered.put(1, flipped);
        assertThatThrownBy(() -> openAll(cipher, "h1", altered)).isInstanceOf(IOException.class);

        Map<Integer, byte[]> swapped = new HashMap<>(chunks);
        swapped.put(0, chunks.get(1));
        swapped.put(1, chunks.get(0));
        assertThatThrownBy(() -> openAll(cipher, "h1", swapped)).isInstanceOf(IOException.class);

        Map<Integer, byte[]> cut = new HashMap<>(chunks);
        cut.remove(2);
        assertThatThrownBy(() -> openAll(cipher, "h1", cut)).isInstanceOf(IOException.class)
                .hasMessageContaining("cut off");

        assertThatThrownBy(() -> openAll(cipher, "other-hold", chunks)).isInstanceOf(IOException.class);
    }

    @Test
    void refusesKeysThatAreNotAesKeys() {
        assertThatThrownBy(() -> ContentCipher.fromConfig("not base64!", List.of(), random))
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> ContentCipher.fromConfig(Base64.getEncoder().encodeToString(new byte[10]), List.of(),
                random)).hasMessageContaining("16, 24 or 32");
    }

    @Test
    void withoutAConfiguredKeyEachProcessMakesItsOwn() throws IOException {
        ContentCipher one = ContentCipher.fromConfig("", List.of(), random);
        ContentCipher two = ContentCipher.fromConfig("", List.of(), random);
        assertThat(one.fingerprint()).isNotEqualTo(two.fingerprint());
        Map<Integer, byte[]> sealed = sealAll(one, "h", new byte[] {1, 2, 3});
        assertThatThrownBy(() -> openAll(two, "h", sealed)).isInstanceOf(IOException.class);
        List<byte[]> unused = new ArrayList<>();
        assertThat(unused).isEmpty();
    }
}

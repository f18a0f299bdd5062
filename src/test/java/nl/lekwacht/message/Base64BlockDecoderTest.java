package nl.lekwacht.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.eclipse.angus.mail.util.BASE64DecoderStream;
import org.junit.jupiter.api.Test;

/**
 * The block decoder gives Angus' answers: on random base64, clean and damaged (characters outside the
 * alphabet, padding in the middle, a missing end, byte 255), read in random-sized pieces and a byte at
 * a time, every call returns the same count and bytes or throws the same exception with the same
 * message, errors ignored or not, over a stream that hands out random-sized blocks.
 */
class Base64BlockDecoderTest {

    @Test
    void answersEveryCallAsAngusDoesOnRandomCleanAndDamagedInput() throws IOException {
        Random random = new Random(1616);
        for (int round = 0; round < 4000; round++) {
            byte[] encoded = encoded(random);
            long seed = random.nextLong();
            for (boolean ignoreErrors : new boolean[] {true, false}) {
                List<String> angus = calls(new BASE64DecoderStream(new Blocks(encoded, seed), ignoreErrors), seed);
                List<String> ours = calls(new Base64BlockDecoder(new Blocks(encoded, seed), ignoreErrors), seed);
                assertEquals(angus, ours, "input: " + new String(encoded, StandardCharsets.ISO_8859_1));
            }
        }
    }

    @Test
    void decodesAPartAsJakartaMailDidThroughTheGatewaysProvider() throws Exception {
        MailStreams.nameProvider();
        byte[] text = "Het BSN van de aanvrager staat in de bijlage.\n".repeat(5000).getBytes(StandardCharsets.UTF_8);
        byte[] encoded = Base64.getMimeEncoder().encode(text);
        try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(encoded), "base64")) {
            assertEquals(Base64BlockDecoder.class, in.getClass());
            assertArrayEquals(text, in.readAllBytes());
        }
    }

    /** Base64 of random bytes in lines of a random length, sometimes damaged. */
    private static byte[] encoded(Random random) {
        byte[] content = new byte[random.nextInt(random.nextInt(10) == 0 ? 40_000 : 300)];
        random.nextBytes(content);
        String plain = Base64.getEncoder().encodeToString(content);
        int line = 1 + random.nextInt(100);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < plain.length(); i += line) {
            b.append(plain, i, Math.min(plain.length(), i + line)).append(random.nextBoolean() ? "\r\n" : "\n");
        }
        int damages = random.nextInt(3) == 0 ? 0 : random.nextInt(6);
        String[] damage = {"!", "=", "==", "===", " ", "\u00ff", "\u0000", "-", "A", "AB=", "\t"};
        for (int d = 0; d < damages && b.length() > 0; d++) {
            int at = random.nextInt(b.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> b.insert(at, damage[random.nextInt(damage.length)]);
                case 1 -> b.setLength(at);
                default -> b.deleteCharAt(Math.min(at, b.length() - 1));
            }
        }
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Reads to the end (or the first exception) in seeded random pieces; one entry a call. */
    private static List<String> calls(InputStream in, long seed) {
        Random random = new Random(seed);
        List<String> calls = new ArrayList<>();
        try (in) {
            int endings = 0;
            while (endings < 3 && calls.size() < 100_000) {
                int kind = random.nextInt(4);
                if (kind == 0) {
                    int c = in.read();
                    calls.add("read() " + c);
                    endings += c < 0 ? 1 : 0;
                } else {
                    byte[] buf = new byte[1 + random.nextInt(kind == 3 ? 20_000 : 10)];
                    int off = random.nextInt(buf.length);
                    int n = in.read(buf, off, buf.length - off);
                    calls.add("read(" + (buf.length - off) + ") " + n + " " + (n > 0
                            ? Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(buf, off, off + n)) : ""));
                    endings += n < 0 ? 1 : 0;
                }
            }
        } catch (IOException e) {
            calls.add(e.getClass().getName() + ": " + e.getMessage());
        }
        return calls;
    }

    /** The bytes in blocks of a seeded random size, as a spool or a socket may hand them out. */
    private static final class Blocks extends InputStream {
        private final byte[] data;
        private final Random random;
        private int pos;

        Blocks(byte[] data, long seed) {
            this.data = data;
            this.random = new Random(~seed);
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, data.length - pos), 1 + random.nextInt(10_000));
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}

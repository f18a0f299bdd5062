package nl.lekwacht.message;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePartDataSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import nl.lekwacht.message.spool.Spool;
import org.junit.jupiter.api.Test;

/** The spool's multipart finds the parts Jakarta Mail's own parse finds, byte for byte. */
class SpooledMultipartTest {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final List<String> BOUNDARIES = List.of("b", "x-y", "----=_Part_1_2.3", "==B==", "aa",
            "_004_AM0PR01MB1234567890ABCDEF_");
    private static final List<String> BREAKS = List.of("\r\n", "\r\n", "\n", "\r");

    @Test
    void findsThePartsJakartaMailFinds() throws Exception {
        Random random = new Random(16);
        for (int i = 0; i < 3000; i++) {
            byte[] message = message(random);
            assertThat(parts(message, true)).as("message %d:%n%s", i, new String(message, StandardCharsets.ISO_8859_1))
                    .isEqualTo(parts(message, false));
        }
    }

    @Test
    void findsABoundaryAfterALongBase64Part() throws Exception {
        StringBuilder b = new StringBuilder("Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n\r\nhi\r\n--b\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n");
        byte[] data = new byte[300_000];
        new Random(1).nextBytes(data);
        b.append(java.util.Base64.getMimeEncoder().encodeToString(data)).append("\r\n--b--\r\n");
        byte[] message = b.toString().getBytes(StandardCharsets.US_ASCII);

        List<String> parts = parts(message, true);

        assertThat(parts).isEqualTo(parts(message, false)).hasSize(3);
    }

    /** What each parse gives: the preamble, each part's headers and raw content, or the exception. */
    private static List<String> parts(byte[] message, boolean spooled) {
        List<String> result = new ArrayList<>();
        try {
            MimeMessage mime = new MimeMessage(SESSION, Spool.ofBytes(message).open());
            Multipart multipart = spooled ? new SpooledMultipart(new MimePartDataSource(mime))
                    : (Multipart) mime.getContent();
            int count = multipart.getCount();
            result.add("preamble " + ((jakarta.mail.internet.MimeMultipart) multipart).getPreamble());
            for (int p = 0; p < count; p++) {
                MimeBodyPart part = (MimeBodyPart) multipart.getBodyPart(p);
                result.add(String.join("|", Collections.list(part.getAllHeaderLines())) + " => "
                        + new String(part.getRawInputStream().readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        } catch (Exception e) {
            result.add("failed " + e.getClass().getSimpleName());
        }
        return result;
    }

    private static byte[] message(Random random) {
        String boundary = BOUNDARIES.get(random.nextInt(BOUNDARIES.size()));
        String nl = BREAKS.get(random.nextInt(BREAKS.size()));
        StringBuilder m = new StringBuilder("From: a@b.example").append(nl)
                .append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append('"').append(nl).append(nl);
        if (random.nextBoolean()) {
            m.append("preamble text").append(nl).append(nl);
        }
        int parts = random.nextInt(5);
        for (int p = 0; p < parts; p++) {
            m.append("--").append(boundary).append(random.nextInt(4) == 0 ? " \t" : "").append(nl);
            if (random.nextInt(5) > 0) {
                m.append("Content-Type: text/plain").append(nl);
            }
            m.append(nl);
            int lines = random.nextInt(6);
            for (int l = 0; l < lines; l++) {
                m.append(line(random, boundary)).append(random.nextInt(6) == 0 ? BREAKS.get(random.nextInt(4)) : nl);
            }
        }
        int end = random.nextInt(4);
        if (end > 0) {
            m.append("--").append(boundary).append("--");
            if (end == 2) {
                m.append(nl).append("epilogue").append(nl);
            }
        }
        return m.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Text, or something close to a boundary line. */
    private static String line(Random random, String boundary) {
        return switch (random.nextInt(9)) {
            case 0 -> "--" + boundary + "x";
            case 1 -> "--" + boundary.substring(0, boundary.length() - 1);
            case 2 -> "text --" + boundary;
            case 3 -> "--" + boundary + "-";
            case 4 -> "";
            case 5 -> "--" + boundary + " x";
            default -> "Regel met tekst " + random.nextInt(1000) + " -- en streepjes-";
        };
    }
}

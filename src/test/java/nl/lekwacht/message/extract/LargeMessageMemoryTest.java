package nl.lekwacht.message.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message at the 50 MB limit is parsed and its attachments extracted by a JVM with a 256 MB heap:
 * attachments stream from the spool to the parser process and never sit whole in the gateway's memory.
 */
class LargeMessageMemoryTest {

    private static final long LIMIT = 50L * 1024 * 1024;
    private static final int ROWS = 450_000;

    @TempDir
    Path temp;

    @Test
    void extractsFiftyMegabyteMessageWithin256MegabyteHeap() throws Exception {
        Path eml = temp.resolve("groot.eml");
        writeMessage(eml);
        assertThat(Files.size(eml)).isBetween(LIMIT - 2 * 1024 * 1024, LIMIT);
        Path spool = Files.createDirectories(temp.resolve("spool"));
        Path output = temp.resolve("probe.out");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process probe = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                FiftyMegabyteMessageProbe.class.getName(), eml.toString(), spool.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = probe.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            probe.destroyForcibly().waitFor();
        }
        String printed = Files.readString(output);
        System.out.println("probe: " + printed.strip());

        assertThat(ended).as(printed).isTrue();
        assertThat(probe.exitValue()).as(printed).isZero();
        // the photo is random bytes behind a JPEG marker: with OCR on, reading it as an image fails, which is
        // reported for that part as corrupt; nothing may run out of time or memory, and the CSV is read whole
        assertThat(printed).contains("attachments=2", "rows=" + (ROWS + 1))
                .doesNotContain("OutOfMemoryError").doesNotContain("TIMEOUT").doesNotContain("TOO_LARGE")
                .doesNotContain("attachment:lijst.csv");
        assertThat(printed.replaceAll("ExtractionProblem\\[partId=3, where=attachment:foto\\.jpg, reason=CORRUPT, "
                + "detail=[A-Za-z]+\\]", "")).as("no problem but the photo's").contains("problems=[]");
    }

    /** A CSV of synthetic rows (about 18 MB of text) and a photo of random bytes, base64, near 50 MB. */
    static void writeMessage(Path eml) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(eml), 1 << 16)) {
            write(out, "From: medewerker@gemeente.example\r\nTo: burger@example.org\r\nSubject: Groot bericht\r\n"
                    + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"grens\"\r\n\r\n"
                    + "--grens\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nZie de bijlagen.\r\n"
                    + "--grens\r\nContent-Type: text/csv; name=\"lijst.csv\"\r\n"
                    + "Content-Disposition: attachment; filename=\"lijst.csv\"\r\nContent-Transfer-Encoding: base64\r\n\r\n");
            StringBuilder csv = new StringBuilder(ROWS * 42);
            csv.append("Naam;Nummer;Plaats\n");
            for (int i = 0; i < ROWS; i++) {
                csv.append("Persoon ").append(i).append(';').append(100_000_000 + i * 7L).append(";Woonplaats ")
                        .append(i % 400).append('\n');
            }
            base64(out, csv.toString().getBytes(StandardCharsets.UTF_8));
            write(out, "--grens\r\nContent-Type: image/jpeg; name=\"foto.jpg\"\r\n"
                    + "Content-Disposition: attachment; filename=\"foto.jpg\"\r\nContent-Transfer-Encoding: base64\r\n\r\n");
            long room = LIMIT - 1024 * 1024 - Files.size(eml) - 64 * 1024;
            byte[] photo = new byte[(int) (room / 4 * 3 - 200_000)];
            new Random(7).nextBytes(photo);
            photo[0] = (byte) 0xFF;
            photo[1] = (byte) 0xD8;
            base64(out, photo);
            write(out, "--grens--\r\n");
        }
    }

    private static void base64(OutputStream out, byte[] content) throws IOException {
        OutputStream encoder = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                .wrap(new NonClosing(out));
        encoder.write(content);
        encoder.close();
        write(out, "\r\n");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

package nl.lekwacht.message.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nl.lekwacht.message.Attachment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Plain text read in the gateway gives exactly what a parser process gives, limits included. */
class PlainTextExtractionTest {

    private static final String LETTER = "Geachte heer Jansen,\r\nUw BSN 111222333 staat op het formulier. "
            + "Ça va: één, twee — drie.\r\n\tMet vriendelijke groet\r\n";
    private static final String SHEET = "Naam;BSN;Plaats\r\nJan Jansen;111222333;Utrecht\r\n\"Piet; P.\";;Zwolle\r\n";

    private static ParserProcess process;
    private final PlainTextExtraction here = new PlainTextExtraction();

    @BeforeAll
    static void start() throws IOException {
        process = ParserProcess.start(ExtractionSettings.defaults(), OcrSettings.defaults(), false);
        process.awaitReady();
    }

    @AfterAll
    static void stop() {
        process.stop(true);
    }

    private static Attachment text(String id, String name, String type, byte[] content) {
        return new Attachment(id, name, type, content.length, () -> new ByteArrayInputStream(content));
    }

    private static Attachment text(String id, String name, String type, String content, Charset charset) {
        return text(id, name, type, content.getBytes(charset));
    }

    /** The parser process's answer and the gateway's are the same. */
    private void same(ExtractionSettings settings, Attachment... attachments) {
        Optional<ParserProcess.Result> mine = here.extract(List.of(attachments), settings);
        ParserProcess.Result theirs = process.extract(List.of(attachments), settings);

        assertThat(mine).as("read in the gateway").isPresent();
        assertThat(mine.get().texts()).isEqualTo(theirs.texts());
        assertThat(mine.get().problems()).isEqualTo(theirs.problems());
    }

    @Test
    void readsTextAndCsvAsAParserProcessDoes() {
        ExtractionSettings settings = ExtractionSettings.defaults();
        same(settings, text("2", "brief.txt", "text/plain", LETTER, StandardCharsets.UTF_8));
        same(settings, text("2", "brief.txt", "text/plain", LETTER, Charset.forName("windows-1252")));
        same(settings, text("2", "brief.txt", "text/plain", "\uFEFF" + LETTER, StandardCharsets.UTF_16LE));
        same(settings, text("2", "lijst.csv", "text/csv", SHEET, StandardCharsets.UTF_8));
        same(settings, text("2", "lijst.csv", "text/plain", SHEET, StandardCharsets.UTF_8));
        same(settings, text("2", "tabs.tsv", "text/tab-separated-values", SHEET.replace(';', '\t'),
                StandardCharsets.UTF_8));
        same(settings, text("2", "leeg.txt", "text/plain", new byte[0]),
                text("3", "leeg.csv", "text/csv", new byte[0]));
        same(settings, text("2", "stuur\u0001tekens.txt", "text/plain", "a\u0001b\u0000c " + LETTER,
                StandardCharsets.UTF_8));
    }

    @Test
    void keepsTheLimitsOfAParserProcess() {
        String big = LETTER.repeat(200);
        ExtractionSettings smallText = new ExtractionSettings(1_000_000, big.length() + 500, 5, 100, 1_000_000,
                Duration.ofSeconds(30), 1, 256L << 20, Duration.ofSeconds(10), 100, false);
        same(smallText, text("2", "een.txt", "text/plain", big, StandardCharsets.UTF_8),
                text("3", "twee.csv", "text/csv", SHEET.repeat(50), StandardCharsets.UTF_8),
                text("4", "drie.txt", "text/plain", LETTER, StandardCharsets.UTF_8));
        ExtractionSettings smallFiles = new ExtractionSettings(big.length() / 2, 1_000_000, 5, 100, 1_000_000,
                Duration.ofSeconds(30), 1, 256L << 20, Duration.ofSeconds(10), 100, false);
        same(smallFiles, text("2", "groot.txt", "text/plain", big, StandardCharsets.UTF_8),
                text("3", "klein.txt", "text/plain", LETTER, StandardCharsets.UTF_8));
    }

    @Test
    void reportsAnUnreadableAttachmentAsAParserProcessDoes() {
        byte[] content = LETTER.repeat(2000).getBytes(StandardCharsets.UTF_8);
        Attachment broken = new Attachment("2", "kapot.txt", "text/plain", content.length, () -> new InputStream() {
            private final InputStream in = new ByteArrayInputStream(content);
            private int read;

            @Override
            public int read() throws IOException {
                if (++read > 150_000) { // past what type detection reads
                    throw new IOException("bad base64");
                }
                return in.read();
            }
        });
        same(ExtractionSettings.defaults(), broken, text("3", "goed.txt", "text/plain", LETTER,
                StandardCharsets.UTF_8));
    }

    @Test
    void leavesAnythingButPlainTextToTheParserProcesses() throws IOException {
        byte[] pdf = Files.readAllBytes(TestMessages.FIXTURES.resolve("document.pdf"));
        ExtractionSettings settings = ExtractionSettings.defaults();

        assertThat(here.extract(List.of(text("2", "brief.txt", "text/plain", pdf)), settings)).isEmpty();
        assertThat(here.extract(List.of(text("2", "brief.pdf", "application/pdf", pdf)), settings)).isEmpty();
        assertThat(here.extract(List.of(text("2", "brief.txt", "text/plain", LETTER, StandardCharsets.UTF_8),
                text("3", "pagina.html", "text/plain", "<html><body><p>hallo</p></body></html>",
                        StandardCharsets.UTF_8)), settings)).as("one of them is not plain text").isEmpty();
    }
}

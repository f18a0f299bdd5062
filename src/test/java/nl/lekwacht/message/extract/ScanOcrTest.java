package nl.lekwacht.message.extract;

import static nl.lekwacht.message.extract.TestMessages.bytes;
import static nl.lekwacht.message.extract.TestMessages.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import nl.lekwacht.message.ExtractionProblem;
import nl.lekwacht.message.ExtractionProblem.Reason;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.message.TextPart;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scans are read by Tesseract in the parser processes; where OCR is off an image-only document is
 * uninspectable with the reason, a logo is skipped, and a killed parser process leaves no Tesseract
 * behind. Images are drawn at test time; a few small pages only, OCR is CPU heavy.
 */
class ScanOcrTest {

    private static final OcrSettings ON = OcrSettings.defaults();

    @BeforeAll
    static void tesseractIsThere() {
        String missing = ScanReading.availability(ON);
        if ("true".equals(System.getenv("CI"))) {
            assertThat(missing).as("CI needs tesseract-ocr and tesseract-ocr-nld").isNull();
        }
        Assumptions.assumeTrue(missing == null, "tesseract-ocr with nld is not installed");
    }

    @Test
    void readsTheNumberInAScannedLetter() {
        try (TikaContentExtractor extractor = new TikaContentExtractor(
                ExtractionSettings.defaults().withTimeout(Duration.ofSeconds(60)), ON)) {
            OutboundMessage result = extractor.extract(with(bytes("scan.png", letter(1400, 600))));

            assertThat(result.problems()).isEmpty();
            assertThat(result.texts()).anySatisfy(t -> assertThat(t.text().replaceAll("\\s", ""))
                    .contains("Burgerservicenummer").contains("123456782"));
        }
    }

    @Test
    void anImageIsUninspectableWhenOcrIsOffAndALogoIsSkipped() {
        OcrSettings off = new OcrSettings(false, 5, 12_000_000, 120, Duration.ofSeconds(30), "nld+eng", 10);
        try (TikaContentExtractor extractor = new TikaContentExtractor(ExtractionSettings.defaults(), off)) {
            OutboundMessage result = extractor.extract(with(bytes("scan.png", letter(1400, 600)),
                    bytes("logo.png", letter(100, 60))));

            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.reason()).isEqualTo(Reason.OCR_UNAVAILABLE);
                assertThat(p.detail()).isEqualTo("ocr-off");
                assertThat(p.where()).isEqualTo("attachment:scan.png");
            });
        }
    }

    @Test
    void aParserProcessKilledDuringOcrLeavesNoTesseractRunning() throws Exception {
        try (TikaContentExtractor extractor = new TikaContentExtractor(
                ExtractionSettings.defaults().withTimeout(Duration.ofMillis(1500)).withPrestart(true), ON)) {
            OutboundMessage result = extractor.extract(with(bytes("foto.png", letter(3400, 4400))));

            assertThat(result.problems()).extracting(ExtractionProblem::reason).contains(Reason.TIMEOUT);
        }
        List<ProcessHandle> left = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").endsWith("tesseract"))
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a)).orElse("").contains("lekwacht-extract-"))
                .toList();
        for (ProcessHandle p : left) {
            // destroyForcibly is asynchronous: wait for the kill to land, never for time to pass
            p.onExit().get(10, TimeUnit.SECONDS);
        }
        assertThat(left).allSatisfy(p -> assertThat(p.isAlive()).isFalse());
    }

    /** A white page with a few lines of large black text, {@code width} by {@code height} pixels. */
    static byte[] letter(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(10, width / 28)));
        int line = Math.max(12, width / 18);
        for (int y = line; y < height; y += line * 4) {
            g.drawString("Burgerservicenummer 123456782", width / 20, y);
            g.drawString("Wij hebben uw aanvraag ontvangen.", width / 20, y + line);
        }
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

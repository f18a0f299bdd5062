package nl.lekwacht.message.extract;

import static nl.lekwacht.message.extract.TestMessages.bytes;
import static nl.lekwacht.message.extract.TestMessages.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.inspect.content.ContentDetectors;
import nl.lekwacht.inspect.content.BsnSettings;
import nl.lekwacht.inspect.content.UninspectableAttachmentDetector;
import nl.lekwacht.message.ExtractionProblem;
import nl.lekwacht.message.ExtractionProblem.Reason;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.message.TextPart;
import nl.lekwacht.support.Bsns;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scans are read by Tesseract in the parser processes; where OCR is off or over a limit an image-only
 * document is uninspectable with the reason, a logo is skipped, a large photo scaled down, a repeated
 * image taken from the cache (seen in the counts the parser process returns, not in time), and a killed
 * parser process leaves no Tesseract behind. Images are drawn at test time; a few small pages only, OCR is CPU heavy.
 */
class ScanOcrTest {

    private static final OcrSettings ON = OcrSettings.defaults();
    private static final String NUMBER = Bsns.valid(1207);

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

    @Test
    void aPdfWithMoreImagePagesThanTheLimitIsUninspectableForTheLimitNeverClean() {
        OcrSettings twoPages = new OcrSettings(true, 2, 12_000_000, 120, Duration.ofSeconds(30), "nld+eng", 10);
        try (TikaContentExtractor extractor = new TikaContentExtractor(
                ExtractionSettings.defaults().withTimeout(Duration.ofSeconds(60)).forOneMessage(), twoPages)) {
            OutboundMessage result = extractor.extract(with(bytes("scan.pdf", imagePdf(3))));

            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.reason()).isEqualTo(Reason.OCR_UNAVAILABLE);
                assertThat(p.detail()).isEqualTo("ocr-limit: more than 2 pages");
            });
            assertThat(new UninspectableAttachmentDetector().inspect(result)).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo(FindingCode.UNINSPECTABLE_ATTACHMENT);
                assertThat(f.details()).containsEntry("reason", "ocr-unavailable")
                        .hasEntrySatisfying("why", why -> assertThat(why).startsWith("ocr-limit: "));
            });
        }
    }

    @Test
    void aPdfWithAsManyImagePagesAsTheLimitIsRead() {
        OcrSettings twoPages = new OcrSettings(true, 2, 12_000_000, 120, Duration.ofSeconds(30), "nld+eng", 10);
        try (TikaContentExtractor extractor = new TikaContentExtractor(
                ExtractionSettings.defaults().withTimeout(Duration.ofSeconds(60)).forOneMessage(), twoPages)) {
            OutboundMessage result = extractor.extract(with(bytes("scan.pdf", imagePdf(2))));

            assertThat(result.problems()).isEmpty();
            assertThat(bsns(result)).isEqualTo(1);
        }
    }

    @Test
    void aPhotoOverTheMaximumPixelsIsScaledDownAndItsNumberStillFound() {
        OcrSettings smallPhotos = new OcrSettings(true, 5, 1_000_000, 120, Duration.ofSeconds(30), "nld+eng", 10);
        try (TikaContentExtractor extractor = new TikaContentExtractor(
                ExtractionSettings.defaults().withTimeout(Duration.ofSeconds(60)).forOneMessage(), smallPhotos)) {
            OutboundMessage result = extractor.extract(with(bytes("foto.png", letter(2000, 900, NUMBER))));

            assertThat(result.problems()).isEmpty();
            assertThat(extractor.ocrCounts()).isEqualTo(new OcrCounts(1, 0, 0, 1, 0));
            assertThat(bsns(result)).isEqualTo(1);
        }
    }

    @Test
    void theSameImageSentAgainIsTakenFromTheCacheNotReadAgain() {
        byte[] scan = letter(1400, 600, NUMBER);
        try (TikaContentExtractor extractor = new TikaContentExtractor(
                ExtractionSettings.defaults().withTimeout(Duration.ofSeconds(60)).forOneMessage(), ON)) {
            OutboundMessage first = extractor.extract(with(bytes("scan.png", scan)));
            assertThat(extractor.ocrCounts()).isEqualTo(new OcrCounts(1, 0, 0, 0, 0));

            OutboundMessage second = extractor.extract(with(bytes("kopie.png", scan)));

            assertThat(extractor.ocrCounts()).isEqualTo(new OcrCounts(1, 1, 0, 0, 0));
            assertThat(second.texts()).extracting(TextPart::text).isEqualTo(first.texts().stream()
                    .map(TextPart::text).toList());
            assertThat(bsns(second)).isEqualTo(1);
        }
    }

    @Test
    void anImageUnderTheMinimumSideIsSkippedAndOneAtItIsRead() {
        try (TikaContentExtractor extractor = new TikaContentExtractor(
                ExtractionSettings.defaults().withTimeout(Duration.ofSeconds(60)).forOneMessage(), ON)) {
            OutboundMessage logo = extractor.extract(with(bytes("logo.png", letter(600, ON.minImageSide() - 1, NUMBER))));

            assertThat(logo.problems()).isEmpty();
            assertThat(logo.texts()).extracting(TextPart::where).doesNotContain("attachment:logo.png");
            assertThat(extractor.ocrCounts()).isEqualTo(new OcrCounts(0, 0, 1, 0, 0));

            extractor.extract(with(bytes("banner.png", letter(600, ON.minImageSide(), NUMBER))));

            assertThat(extractor.ocrCounts()).isEqualTo(new OcrCounts(1, 0, 1, 0, 0));
        }
    }

    @Test
    void aLetterScannedAtALowResolutionIsEnlargedAndItsNumberFound() {
        try (TikaContentExtractor extractor = new TikaContentExtractor(
                ExtractionSettings.defaults().withTimeout(Duration.ofSeconds(60)).forOneMessage(), ON)) {
            OutboundMessage result = extractor.extract(with(bytes("scan.jpg", lowResolutionLetter(true))));

            assertThat(result.problems()).isEmpty();
            assertThat(extractor.ocrCounts()).isEqualTo(new OcrCounts(1, 0, 0, 0, 1));
            assertThat(bsns(result)).isEqualTo(1);
        }
    }

    @Test
    void aPdfOfALetterScannedAtALowResolutionIsReadAndItsNumberFound() {
        try (TikaContentExtractor extractor = new TikaContentExtractor(
                ExtractionSettings.defaults().withTimeout(Duration.ofSeconds(60)).forOneMessage(), ON)) {
            OutboundMessage result = extractor.extract(with(bytes("scan.pdf", scanPdf(lowResolutionLetter(true)))));

            assertThat(result.problems()).isEmpty();
            assertThat(bsns(result)).isEqualTo(1);
        }
    }

    /**
     * An A4 letter rasterised at 85 dpi (702 by 993 pixels) in an 11-point font, as a cheap scanner or
     * a fax gives it; as a JPEG of middling quality when {@code jpeg}.
     */
    private static byte[] lowResolutionLetter(boolean jpeg) {
        BufferedImage image = new BufferedImage(702, 993, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 702, 993);
        g.setColor(Color.BLACK);
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 13));
        String[] lines = {"Gemeente Noordwaard", "Afdeling Werk en Inkomen", "", "Datum: 4 november 2026",
            "Burgerservicenummer: " + NUMBER, "", "Geachte heer De Vries,", "",
            "Wij hebben uw aanvraag voor bijzondere bijstand ontvangen en in behandeling",
            "genomen. U hoort binnen acht weken van ons.", "", "Met vriendelijke groet,", "De consulent"};
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 70, 110 + i * 20);
        }
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, jpeg ? "jpg" : "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An A4 PDF whose one page is {@code scan}, as a scanner writes it (no /Interpolate). */
    private static byte[] scanPdf(byte[] scan) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDImageXObject image = PDImageXObject.createFromByteArray(doc, scan, "scan.jpg");
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Distinct BSNs the detector finds in what the extractor gave. */
    private static int bsns(OutboundMessage message) {
        return ContentDetectors.bsn(BsnSettings.defaults()).inspect(message).stream()
                .filter(f -> f.code() == FindingCode.BSN).mapToInt(Finding::count).sum();
    }

    /** An image-only PDF of {@code pages} small pages, each a picture of the letter. */
    private static byte[] imagePdf(int pages) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(letter(1000, 400, NUMBER)));
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(new PDRectangle(300, 120));
                doc.addPage(page);
                PDImageXObject image = LosslessFactory.createFromImage(doc, picture);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.drawImage(image, 0, 0, 300, 120);
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] letter(int width, int height) {
        return letter(width, height, "123456782");
    }

    /** A white page with a few lines of large black text naming {@code number}, {@code width} by {@code height} pixels. */
    static byte[] letter(int width, int height, String number) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(10, width / 28)));
        int line = Math.max(12, width / 18);
        for (int y = line; y < height; y += line * 4) {
            g.drawString("Burgerservicenummer " + number, width / 20, y);
            g.drawString("Wij hebben uw aanvraag ontvangen.", width / 20, y + line);
        }
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

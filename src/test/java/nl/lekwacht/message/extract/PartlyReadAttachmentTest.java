package nl.lekwacht.message.extract;

import static nl.lekwacht.message.extract.TestMessages.bytes;
import static nl.lekwacht.message.extract.TestMessages.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.inspect.content.BsnSettings;
import nl.lekwacht.inspect.content.ContentDetectors;
import nl.lekwacht.inspect.content.UninspectableAttachmentDetector;
import nl.lekwacht.message.ExtractionProblem;
import nl.lekwacht.message.ExtractionProblem.Reason;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.support.Bsns;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A part read only in part says so: a PDF whose scanned pages OCR did not read (more pages than its limit,
 * or OCR off) while its text pages were read, and an attachment cut off at the message's text limit, are
 * each an uninspectable finding that says which limit and how much was read, and the numbers in what was
 * read still count. PDFs and texts are made at test time; no OCR runs (over the limit or off, it never does).
 */
class PartlyReadAttachmentTest {

    private static final String NUMBER = Bsns.valid(4711);
    private static final OcrSettings TWO_PAGES = new OcrSettings(true, 2, 12_000_000, 120, Duration.ofSeconds(30),
            "nld+eng", 10);
    private static final OcrSettings OFF = new OcrSettings(false, 2, 12_000_000, 120, Duration.ofSeconds(30),
            "nld+eng", 10);

    @Test
    void aPdfOverTheOcrPageLimitWithTextPagesAndScansSaysHowManyPagesWereNotRead() {
        ocrIsThere();
        OutboundMessage result = extract(TWO_PAGES, pdf("text", "scan", "text", "scan", "scan"));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(Reason.OCR_UNAVAILABLE);
            assertThat(p.where()).isEqualTo("attachment:dossier.pdf");
            assertThat(p.detail()).isEqualTo("ocr-limit: too-many-pages (OCR reads a PDF of at most 2 pages): 3 of 5 "
                    + "pages are scans without text and were not read; the text of the other 2 pages was read");
        });
        assertThat(new UninspectableAttachmentDetector().inspect(result)).singleElement().satisfies(f ->
                assertThat(f.details()).containsEntry("reason", "ocr-unavailable")
                        .hasEntrySatisfying("why", why -> assertThat(why).contains("too-many-pages", "3 of 5")));
        assertThat(bsns(result)).as("the text pages' number still counts").isEqualTo(1);
    }

    @Test
    void aPdfWithOneScanPageMoreThanTheLimitIsFlaggedAndOneWithinItIsNotLeftToThisRule() {
        ocrIsThere();
        assertThat(extract(TWO_PAGES, pdf("text", "text", "scan")).problems()).singleElement()
                .satisfies(p -> assertThat(p.detail()).contains("1 of 3 pages"));
        // within the limit OCR reads the scan (or says why not): never this partial-read report
        assertThat(extract(TWO_PAGES, pdf("text", "blank")).problems()).isEmpty();
    }

    @Test
    void aPdfOverThePageLimitWithOnlyTextPagesOrEmptyPagesIsReadWithoutAFinding() {
        OutboundMessage result = extract(TWO_PAGES, pdf("text", "text", "blank", "text"));

        assertThat(result.problems()).isEmpty();
        assertThat(bsns(result)).isEqualTo(1);
    }

    @Test
    void aPdfWithTextAndAScanWhenOcrIsOffSaysOcrOffAndHowManyPagesWereNotRead() {
        OutboundMessage result = extract(OFF, pdf("text", "scan"));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(Reason.OCR_UNAVAILABLE);
            assertThat(p.detail()).isEqualTo("ocr-off: 1 of 2 pages are scans without text and were not read; "
                    + "the text of the other 1 pages was read");
        });
        assertThat(bsns(result)).isEqualTo(1);
    }

    @Test
    void anAttachmentCutOffAtTheTextLimitSaysHowMuchWasReadAndItsNumberStillCounts() {
        ExtractionSettings d = ExtractionSettings.defaults();
        ExtractionSettings small = new ExtractionSettings(d.maxAttachmentSize(), 2000, d.maxDepth(),
                d.maxCompressionRatio(), d.maxUnpackedSize(), Duration.ofSeconds(60), 1, d.childHeap(), d.queueWait(),
                d.recycleAfter(), false);
        String text = "Burgerservicenummer " + NUMBER + "\n" + "Verder niets bijzonders te melden.\n".repeat(200);
        try (TikaContentExtractor extractor = new TikaContentExtractor(small, OFF)) {
            OutboundMessage result = extractor.extract(with(bytes("notitie.txt",
                    text.getBytes(StandardCharsets.UTF_8))));

            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.reason()).isEqualTo(Reason.TOO_LARGE);
                assertThat(p.detail()).isEqualTo("text-limit: extracted text over 2000 characters for the message; "
                        + "read the first 2000 characters of this part, the rest was not inspected");
            });
            assertThat(new UninspectableAttachmentDetector().inspect(result)).singleElement().satisfies(f ->
                    assertThat(f.details()).containsEntry("reason", "too-large")
                            .hasEntrySatisfying("why", why -> assertThat(why).startsWith("text-limit: ")));
            assertThat(bsns(result)).isEqualTo(1);
        }
    }

    /** Where Tesseract is missing the reason is ocr-missing, not the page limit (CI has it). */
    private static void ocrIsThere() {
        Assumptions.assumeTrue(ScanReading.availability(TWO_PAGES) == null, "tesseract-ocr with nld is not installed");
    }

    private static OutboundMessage extract(OcrSettings ocr, byte[] pdf) {
        try (TikaContentExtractor extractor = new TikaContentExtractor(
                ExtractionSettings.defaults().withTimeout(Duration.ofSeconds(60)).forOneMessage(), ocr)) {
            return extractor.extract(with(bytes("dossier.pdf", pdf)));
        }
    }

    /** Distinct BSNs the detector finds in what the extractor gave. */
    private static int bsns(OutboundMessage message) {
        return ContentDetectors.bsn(BsnSettings.defaults()).inspect(message).stream()
                .filter(f -> f.code() == FindingCode.BSN).mapToInt(Finding::count).sum();
    }

    /**
     * A PDF with one page per kind: {@code text} (a line of text with a keyword and the number, the same on
     * every text page), {@code scan} (only a picture, no text layer) or {@code blank} (nothing at all).
     */
    private static byte[] pdf(String... kinds) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BufferedImage picture = new BufferedImage(600, 240, BufferedImage.TYPE_BYTE_GRAY);
            var g = picture.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 600, 240);
            g.setColor(Color.BLACK);
            g.fillRect(40, 40, 300, 20);
            g.dispose();
            for (String kind : List.of(kinds)) {
                PDPage page = new PDPage(PDRectangle.A6);
                doc.addPage(page);
                if (kind.equals("blank")) {
                    continue;
                }
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    if (kind.equals("text")) {
                        content.beginText();
                        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                        content.newLineAtOffset(20, 300);
                        content.showText("Burgerservicenummer " + NUMBER);
                        content.endText();
                    } else {
                        content.drawImage(LosslessFactory.createFromImage(doc, picture), 0, 0, 297, 420);
                    }
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package nl.lekwacht.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import nl.lekwacht.message.Attachment;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.MessageHeaders;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.message.TextPart;
import nl.lekwacht.message.extract.ExtractionSettings;
import nl.lekwacht.message.extract.TikaContentExtractor;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.util.Units;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Attachment text extraction as the gateway does it: the attachment streamed to a warm parser process,
 * parsed there by Tika, the text sent back. One operation is one message with one attachment:
 *
 * <ul>
 *   <li>{@code pdf}: a 1 MB PDF as offices send them: 40 pages of Dutch prose (compressed streams, as
 *       every PDF producer writes them) and a scanned signature image;</li>
 *   <li>{@code pdf-dense}: the worst case, a 1 MB PDF of nothing but text (about 130 pages, uncompressed
 *       streams, a million characters);</li>
 *   <li>{@code docx}: a 1 MB Word document: about 60 pages of prose and a photo;</li>
 *   <li>{@code xlsx}: a 5 MB workbook: one sheet of names, numbers and places (about 150,000 rows).</li>
 * </ul>
 *
 * Target: the 1 MB PDF under 300 ms.
 * Run: {@code mvn -B -Pbench -DbuildDir=target-bench test-compile exec:exec -Dbench=ExtractionBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@Threads(1)
public class ExtractionBenchmark {

    private static final long MB = 1024L * 1024;
    private static final String PROSE = "Naar aanleiding van uw aanvraag van 12 maart delen wij u mee dat het "
            + "college heeft besloten u een maatwerkvoorziening toe te kennen voor huishoudelijke ondersteuning. ";

    @Param({"pdf", "pdf-dense", "docx", "xlsx"})
    public String format;

    private TikaContentExtractor extractor;
    private OutboundMessage message;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        byte[] file = switch (format) {
            case "pdf" -> officePdf(MB);
            case "pdf-dense" -> pdf(MB);
            case "docx" -> docx(MB);
            default -> xlsx(5 * MB);
        };
        String name = "bestand." + format.replace("-dense", "");
        Attachment attachment = new Attachment("2", name, "application/octet-stream", file.length,
                () -> new ByteArrayInputStream(file));
        message = new OutboundMessage(new Envelope("bench", "a@gemeente.example", List.of("b@example.org"),
                InetAddress.getLoopbackAddress(), "bench", Optional.empty(), Instant.EPOCH), MessageHeaders.empty(),
                file.length, List.of(TextPart.body("zie bijlage")), List.of(attachment), List.of());
        ExtractionSettings d = ExtractionSettings.defaults();
        extractor = new TikaContentExtractor(new ExtractionSettings(d.maxAttachmentSize(), d.maxText(),
                d.maxDepth(), d.maxCompressionRatio(), d.maxUnpackedSize(), Duration.ofSeconds(60), 1,
                d.childHeap(), Duration.ofSeconds(60), Integer.MAX_VALUE, true));
        OutboundMessage first = extractor.extract(message);
        long chars = first.texts().stream().mapToLong(t -> t.text().length()).sum();
        System.out.println(name + ": " + file.length + " bytes, " + chars + " characters extracted, problems "
                + first.problems());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        extractor.close();
    }

    @Benchmark
    public OutboundMessage extract() {
        return extractor.extract(message);
    }

    static byte[] pdf(long size) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int page = 0;
            while (true) {
                PDPage pdPage = new PDPage();
                doc.addPage(pdPage);
                try (PDPageContentStream content = new PDPageContentStream(doc, pdPage,
                        PDPageContentStream.AppendMode.OVERWRITE, false)) {
                    content.beginText();
                    content.setFont(font, 9);
                    content.setLeading(11);
                    content.newLineAtOffset(40, 750);
                    for (int line = 0; line < 64; line++) {
                        content.showText("Pagina " + page + " regel " + line + ": " + PROSE.substring(0, 90));
                        content.newLine();
                    }
                    content.endText();
                }
                page++;
                if (page % 10 == 0) {
                    out.reset();
                    doc.save(out);
                    if (out.size() >= size) {
                        return out.toByteArray();
                    }
                }
            }
        }
    }

    static byte[] officePdf(long size) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            for (int page = 0; page < 40; page++) {
                PDPage pdPage = new PDPage();
                doc.addPage(pdPage);
                try (PDPageContentStream content = new PDPageContentStream(doc, pdPage)) {
                    content.beginText();
                    content.setFont(font, 11);
                    content.setLeading(14);
                    content.newLineAtOffset(60, 740);
                    for (int line = 0; line < 48; line++) {
                        content.showText(PROSE.substring(line % 20, line % 20 + 80));
                        content.newLine();
                    }
                    content.endText();
                }
            }
            // the rest of the megabyte is a scanned image, as on a signed letter
            int side = (int) Math.sqrt((size - 20_000) / 3.0);
            BufferedImage scan = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
            Random random = new Random(3);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    scan.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
            PDImageXObject image = LosslessFactory.createFromImage(doc, scan);
            try (PDPageContentStream content = new PDPageContentStream(doc, doc.getPage(39),
                    PDPageContentStream.AppendMode.APPEND, true)) {
                content.drawImage(image, 60, 60, 200, 200);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] docx(long size) throws IOException {
        byte[] photo = new byte[(int) (size - 10_000)];
        new Random(1).nextBytes(photo);
        try (XWPFDocument doc = new XWPFDocument()) {
            for (int i = 0; i < 1200; i++) {
                doc.createParagraph().createRun().setText("Alinea " + i + ". " + PROSE + PROSE);
            }
            XWPFRun run = doc.createParagraph().createRun();
            try {
                run.addPicture(new ByteArrayInputStream(jpeg(photo)), PictureType.JPEG, "foto.jpg",
                        Units.toEMU(200), Units.toEMU(150));
            } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
                throw new IOException(e);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] jpeg(byte[] body) {
        body[0] = (byte) 0xFF;
        body[1] = (byte) 0xD8;
        body[2] = (byte) 0xFF;
        return body;
    }

    static byte[] xlsx(long size) throws IOException {
        Random random = new Random(5);
        String[] places = {"Utrecht", "Zwolle", "Delft", "Assen", "Gouda", "Breda", "Venlo", "Hoorn"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rows = (int) (size / 34);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(1000)) {
            SXSSFSheet sheet = workbook.createSheet("Blad1");
            Row header = sheet.createRow(0);
            String[] titles = {"Naam", "Klantnummer", "Plaats", "Bedrag", "Datum"};
            for (int c = 0; c < titles.length; c++) {
                header.createCell(c).setCellValue(titles[c]);
            }
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("Persoon " + r);
                row.createCell(1).setCellValue(100_000 + random.nextInt(900_000));
                row.createCell(2).setCellValue(places[random.nextInt(places.length)]);
                row.createCell(3).setCellValue(random.nextInt(100_000) / 100.0);
                row.createCell(4).setCellValue("2024-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10));
            }
            workbook.write(out);
        }
        return out.toByteArray();
    }
}

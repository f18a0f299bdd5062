package nl.lekwacht.message.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.lekwacht.message.ExtractionProblem.Reason;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Makes a fresh parser process warm before it serves mail: parses a tiny document of each common
 * format once, so that class loading and parser set-up (seconds for PDF fonts and OOXML schemas) are
 * paid while the process waits in the pool, not by the first message it gets.
 */
final class ChildWarmUp {

    /** A few rounds let the JIT compile the common paths, not only load the classes. */
    private static final int ROUNDS = 3;

    private ChildWarmUp() {
    }

    static void run(DocumentExtraction extraction, Path dir) {
        DocumentExtraction.Sink ignore = new DocumentExtraction.Sink() {
            @Override
            public void text(String where, String text, boolean tabular) {
            }

            @Override
            public void problem(String where, Reason reason, String detail) {
            }
        };
        MessageBudget budget = new MessageBudget(1_000_000, 10_000_000, 1000);
        for (int round = 0; round < ROUNDS; round++) {
            samples(extraction, dir, budget, ignore);
        }
    }

    private static void samples(DocumentExtraction extraction, Path dir, MessageBudget budget,
                                DocumentExtraction.Sink ignore) {
        sample(extraction, dir, budget, ignore, "w.pdf", ChildWarmUp::pdf);
        sample(extraction, dir, budget, ignore, "w.docx", out -> {
            try (XWPFDocument doc = new XWPFDocument()) {
                doc.createParagraph().createRun().setText("warm up");
                doc.write(out);
            }
        });
        sample(extraction, dir, budget, ignore, "w.xlsx", out -> sheet(new XSSFWorkbook(), out));
        sample(extraction, dir, budget, ignore, "w.xls", out -> sheet(new HSSFWorkbook(), out));
        sample(extraction, dir, budget, ignore, "w.zip", out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("w.html"));
                zip.write("<html><body><p>warm up</p></body></html>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("w.csv"));
                zip.write("a;b\n1;2\n".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        });
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void sample(DocumentExtraction extraction, Path dir, MessageBudget budget,
                               DocumentExtraction.Sink sink, String name, Writer writer) {
        Path file = dir.resolve(name);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            writer.write(bytes);
            Files.write(file, bytes.toByteArray());
            extraction.extract(file, bytes.size(), name, "application/octet-stream", 2, budget, sink);
        } catch (IOException | RuntimeException | LinkageError e) {
            // warming up is an optimisation only; a real message reports its own problems
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // the process's temp directory is removed when the process is replaced
            }
        }
    }

    private static void pdf(OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("warm up");
                content.endText();
            }
            doc.save(out);
        }
    }

    private static void sheet(Workbook workbook, OutputStream out) throws IOException {
        try (workbook) {
            var row = workbook.createSheet("w").createRow(0);
            row.createCell(0).setCellValue("warm");
            row.createCell(1).setCellValue(1);
            workbook.write(out);
        }
    }
}

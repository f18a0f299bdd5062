package nl.lekwacht.message.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a small, valid PDF that takes a parser practically forever: thousands of pages that all show
 * one compressed content stream of millions of text operators (a few hundred KB on disk, gigabytes of
 * work). A real document of its kind, unlike the test-only never-ending parser.
 */
final class EndlessPdf {

    private EndlessPdf() {
    }

    static Path write(Path file, int pages, int operatorsPerPage) throws IOException {
        byte[] content = deflatedContent(operatorsPerPage);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        ascii(pdf, "%PDF-1.4\n");
        int firstPage = 5;
        object(pdf, offsets, "<< /Type /Catalog /Pages 2 0 R >>");
        StringBuilder kids = new StringBuilder();
        for (int p = 0; p < pages; p++) {
            kids.append(firstPage + p).append(" 0 R ");
        }
        object(pdf, offsets, "<< /Type /Pages /Kids [" + kids + "] /Count " + pages + " >>");
        offsets.add(pdf.size());
        ascii(pdf, "3 0 obj\n<< /Length " + content.length + " /Filter /FlateDecode >>\nstream\n");
        pdf.write(content);
        ascii(pdf, "\nendstream\nendobj\n");
        object(pdf, offsets, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        for (int p = 0; p < pages; p++) {
            object(pdf, offsets, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
                    + "/Resources << /Font << /F1 4 0 R >> >> >>");
        }
        int xref = pdf.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ").append(offsets.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        ascii(pdf, table.toString());
        Files.write(file, pdf.toByteArray());
        return file;
    }

    private static byte[] deflatedContent(int operators) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream out = new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_COMPRESSION))) {
            out.write("BT /F1 8 Tf\n".getBytes(StandardCharsets.US_ASCII));
            byte[] op = "1 0 0 1 20 20 Tm (ab) Tj\n".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < operators; i++) {
                out.write(op);
            }
            out.write("ET\n".getBytes(StandardCharsets.US_ASCII));
        }
        return compressed.toByteArray();
    }

    private static void object(ByteArrayOutputStream pdf, List<Integer> offsets, String body) throws IOException {
        offsets.add(pdf.size());
        ascii(pdf, (offsets.size()) + " 0 obj\n" + body + "\nendobj\n");
    }

    private static void ascii(ByteArrayOutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }
}

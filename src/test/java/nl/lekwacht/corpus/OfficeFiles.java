package nl.lekwacht.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Makes attachment files with real programs, as a sender's office would: LibreOffice (headless)
 * converts HTML and CSV into PDF, Word, OpenDocument, RTF and spreadsheets; {@code qpdf} encrypts a
 * PDF; {@code zip} makes password archives. Needs the Debian packages libreoffice-writer,
 * libreoffice-calc, qpdf and zip; used only by {@link CorpusGenerator}, never by a test at run time.
 */
final class OfficeFiles {

    /** Target format: file extension and LibreOffice filter. */
    enum Format {
        PDF("pdf", "pdf:writer_pdf_Export", false),
        DOCX("docx", "docx:MS Word 2007 XML", false),
        DOC("doc", "doc:MS Word 97", false),
        ODT("odt", "odt:writer8", false),
        RTF("rtf", "rtf:Rich Text Format", false),
        XLSX("xlsx", "xlsx:Calc Office Open XML", true),
        XLS("xls", "xls:MS Excel 97", true),
        ODS("ods", "ods:calc8", true),
        SHEET_PDF("pdf", "pdf:calc_pdf_Export", true);

        final String extension;
        final String filter;
        final boolean fromCsv;

        Format(String extension, String filter, boolean fromCsv) {
            this.extension = extension;
            this.filter = filter;
            this.fromCsv = fromCsv;
        }
    }

    private final Path work;
    private int counter;

    OfficeFiles(Path work) {
        this.work = work;
    }

    /** Converts an HTML document (for text formats) or a semicolon CSV (for sheets) with LibreOffice. */
    byte[] convert(String source, Format format) throws IOException {
        Path dir = Files.createDirectories(work.resolve("conv-" + (++counter)));
        Path in = dir.resolve(format.fromCsv ? "in.csv" : "in.html");
        Files.writeString(in, source, StandardCharsets.UTF_8);
        String inFilter = format.fromCsv ? "CSV:59,34,76,1" : "HTML (StarWriter)";
        run(dir, "soffice", "-env:UserInstallation=" + work.resolve("lo-profile").toUri(), "--headless",
                "--infilter=" + inFilter, "--convert-to", format.filter, "--outdir", dir.toString(), in.toString());
        return Files.readAllBytes(dir.resolve("in." + format.extension));
    }

    /** The PDF encrypted with AES-256 and a user password, as qpdf does it. */
    byte[] encryptPdf(byte[] pdf) throws IOException {
        Path dir = Files.createDirectories(work.resolve("qpdf-" + (++counter)));
        Files.write(dir.resolve("in.pdf"), pdf);
        run(dir, "qpdf", "--encrypt", "geheim", "eigenaar", "256", "--", "in.pdf", "out.pdf");
        return Files.readAllBytes(dir.resolve("out.pdf"));
    }

    /** A ZIP with a password (classic ZipCrypto, what most senders use), made by Info-ZIP's zip. */
    byte[] encryptedZip(Map<String, byte[]> files) throws IOException {
        Path dir = Files.createDirectories(work.resolve("zip-" + (++counter)));
        List<String> command = new ArrayList<>(Arrays.asList("zip", "-q", "-P", "geheim", "out.zip"));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
            command.add(f.getKey());
        }
        run(dir, command.toArray(String[]::new));
        return Files.readAllBytes(dir.resolve("out.zip"));
    }

    /** A plain ZIP of the given entries (in order). */
    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A ZIP whose one entry inflates to {@code megabytes} MB of zeros: a ratio near 1000:1. */
    static byte[] zipBomb(int megabytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("bijlagen.txt"));
            for (int i = 0; i < megabytes; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static void run(Path dir, String... command) throws IOException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile()).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + command[0]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(command[0] + " failed: " + Files.readString(dir.resolve("log.txt")));
        }
    }
}

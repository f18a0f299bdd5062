package nl.lekwacht.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Collects documents to be made by LibreOffice and converts them in a few batch runs of
 * {@code soffice --headless --convert-to}: one process per target format, not one per file.
 * A registered document is a {@link Supplier} of its bytes, readable after {@link #convertAll()}.
 */
final class LibreOffice {

    private final Path work;
    private final Map<String, List<Path>> jobs = new LinkedHashMap<>();
    private int counter;

    LibreOffice(Path work) {
        this.work = work;
    }

    /** A text document (flat ODT source) to be converted to {@code format}: pdf, docx, odt, doc, rtf. */
    Supplier<byte[]> writer(Fodt document, String format) {
        return register(document.xml(), "fodt", format);
    }

    /**
     * A spreadsheet from CSV (semicolon separated, UTF-8) to be converted to xlsx or ods. Calc's CSV
     * import detects numbers, so a leading zero is dropped the way a real export loses it.
     */
    Supplier<byte[]> calc(String csv, String format) {
        return register(csv, "csv", format);
    }

    private Supplier<byte[]> register(String source, String ext, String format) {
        String base = "doc" + (counter++);
        Path in = work.resolve(format + "-" + ext).resolve(base + "." + ext);
        try {
            Files.createDirectories(in.getParent());
            Files.writeString(in, source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jobs.computeIfAbsent(format + "-" + ext, k -> new ArrayList<>()).add(in);
        Path out = work.resolve("out-" + format + "-" + ext).resolve(base + "." + format);
        return () -> {
            try {
                byte[] bytes = Files.readAllBytes(out);
                return format.equals("odt") || format.equals("ods") ? withoutThumbnail(bytes) : bytes;
            } catch (IOException e) {
                throw new UncheckedIOException("LibreOffice did not produce " + out, e);
            }
        };
    }

    /**
     * The ODF package without its preview image (Thumbnails/thumbnail.png), which is most of a small
     * document's size; the mimetype entry stays first and stored, as ODF requires.
     */
    static byte[] withoutThumbnail(byte[] odf) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(odf));
             java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            java.util.zip.ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.getName().startsWith("Thumbnails/")) {
                    continue;
                }
                byte[] content = in.readAllBytes();
                if (e.getName().equals("META-INF/manifest.xml")) {
                    content = new String(content, StandardCharsets.UTF_8)
                            .replaceAll("<manifest:file-entry[^>]*Thumbnails/[^>]*/>", "").getBytes(StandardCharsets.UTF_8);
                }
                java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(e.getName());
                copy.setTime(e.getTime());
                if (e.getName().equals("mimetype")) {
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(content);
                    copy.setMethod(java.util.zip.ZipEntry.STORED);
                    copy.setSize(content.length);
                    copy.setCompressedSize(content.length);
                    copy.setCrc(crc.getValue());
                }
                z.putNextEntry(copy);
                z.write(content);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    void convertAll() throws IOException, InterruptedException {
        Path profile = work.resolve("profile");
        for (Map.Entry<String, List<Path>> job : jobs.entrySet()) {
            String[] key = job.getKey().split("-");
            String format = key[0];
            String filter = switch (format) {
                case "pdf" -> key[1].equals("csv") ? "pdf:calc_pdf_Export" : "pdf:writer_pdf_Export";
                case "docx" -> "docx:MS Word 2007 XML";
                case "doc" -> "doc:MS Word 97";
                case "xlsx" -> "xlsx:Calc MS Excel 2007 XML";
                default -> format;
            };
            Path outDir = work.resolve("out-" + job.getKey());
            Files.createDirectories(outDir);
            List<String> cmd = new ArrayList<>(List.of("soffice", "-env:UserInstallation=" + profile.toUri(),
                    "--headless", "--norestore"));
            if (key[1].equals("csv")) {
                // separator ';', quote '"', UTF-8, start at row 1, detect special numbers
                cmd.add("--infilter=CSV:59,34,76,1,,1043,false,true,true");
            }
            cmd.addAll(List.of("--convert-to", filter, "--outdir", outDir.toString()));
            job.getValue().forEach(p -> cmd.add(p.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(work.resolve("soffice-" + job.getKey() + ".log").toFile()).start();
            if (p.waitFor() != 0) {
                throw new IOException("soffice failed for " + job.getKey() + ", see its log in " + work);
            }
        }
    }
}

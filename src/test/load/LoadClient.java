import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The load harness's own client (run with the JDK's source launcher: {@code java LoadClient.java ...};
 * nothing to build, nothing downloaded).
 *
 * <pre>
 * files DIR
 *     writes attach-pdf.eml and attach-docx.eml: a short clean letter with a clean PDF or DOCX
 *     attachment, as smtp-source -F wants them (LF line ends, no dot stuffing)
 * latency HOST PORT COUNT WARMUP SIZE RCPTS ATTACH_EVERY DIR
 *     one SMTP session: WARMUP untimed then COUNT timed transactions (MAIL FROM to the reply after
 *     the final dot), each a message of SIZE bytes of text to RCPTS recipients; every ATTACH_EVERY-th
 *     message (0: none) is one of the attachment files from DIR instead. Prints
 *     "p50_ms p99_ms mean_ms count", or fails on any reply that is not 2xx/3xx.
 * </pre>
 * The same invocation against the sink and against a relay gives the added latency of the relay.
 */
public final class LoadClient {

    private static final String SENDER = "loadtest@gemeente.example";
    private static final String RECIPIENT = "rcpt@extern.example";
    private static final String LINE = "Beste mevrouw, hierbij de stukken voor het overleg van donderdag over de planning.";

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("files")) {
            files(Path.of(args[1]));
        } else if (args.length == 9 && args[0].equals("latency")) {
            latency(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]), Integer.parseInt(args[7]), Path.of(args[8]));
        } else {
            System.err.println("usage: files DIR | latency HOST PORT COUNT WARMUP SIZE RCPTS ATTACH_EVERY DIR");
            System.exit(2);
        }
    }

    // --- the attachment messages ------------------------------------------------------------------

    static void files(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("attach-pdf.eml"), attachmentMessage("verslag.pdf", "application/pdf", pdf()));
        Files.writeString(dir.resolve("attach-docx.eml"), attachmentMessage("verslag.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx()));
    }

    private static String attachmentMessage(String name, String type, byte[] content) {
        String boundary = "load-" + name.hashCode();
        return "From: <" + SENDER + ">\nTo: <" + RECIPIENT + ">\nSubject: Verslag overleg\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"" + boundary + "\"\n\n"
                + "--" + boundary + "\nContent-Type: text/plain; charset=UTF-8\n\n" + text(2048)
                + "--" + boundary + "\nContent-Type: " + type + "; name=\"" + name + "\"\n"
                + "Content-Disposition: attachment; filename=\"" + name + "\"\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(content)
                + "\n--" + boundary + "--\n";
    }

    /** Lines of ordinary text (no digits, nothing a detector looks for), about {@code bytes} long. */
    private static String text(int bytes) {
        StringBuilder out = new StringBuilder();
        while (out.length() < bytes) {
            out.append(LINE).append('\n');
        }
        return out.toString();
    }

    /** A one-page PDF with a few lines of text, its cross-reference table computed. */
    static byte[] pdf() {
        StringBuilder stream = new StringBuilder("BT /F1 11 Tf 50 780 Td 14 TL\n");
        for (int i = 0; i < 40; i++) {
            stream.append("(").append(LINE).append(") '\n");
        }
        stream.append("ET\n");
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "endstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A minimal Word document: content types, the package relation and one body of paragraphs. */
    static byte[] docx() throws IOException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            body.append("<w:p><w:r><w:t>").append(LINE).append("</w:t></w:r></w:p>");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            entry(zip, "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                    + "<w:body>" + body + "</w:body></w:document>");
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    // --- latency --------------------------------------------------------------------------------------

    static void latency(String host, int port, int count, int warmup, int size, int rcpts, int attachEvery,
                        Path dir) throws IOException {
        byte[] plain = data("From: <" + SENDER + ">\nTo: <" + RECIPIENT + ">\nSubject: Overleg\n\n" + text(size));
        List<byte[]> attached = List.of(data(Files.readString(dir.resolve("attach-pdf.eml"))),
                data(Files.readString(dir.resolve("attach-docx.eml"))));
        long[] took = new long[count];
        try (Socket socket = new Socket(host, port)) {
            socket.setTcpNoDelay(true);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            reply(in, "greeting");
            command(out, in, "EHLO latency.localdomain");
            for (int i = 0; i < warmup + count; i++) {
                byte[] message = attachEvery > 0 && i % attachEvery == attachEvery - 1
                        ? attached.get((i / attachEvery) % 2) : plain;
                long start = System.nanoTime();
                command(out, in, "MAIL FROM:<" + SENDER + ">");
                for (int r = 1; r <= rcpts; r++) {
                    command(out, in, "RCPT TO:<" + (rcpts == 1 ? "" : r) + RECIPIENT + ">");
                }
                command(out, in, "DATA");
                out.write(message);
                out.flush();
                reply(in, "end of data");
                if (i >= warmup) {
                    took[i - warmup] = System.nanoTime() - start;
                }
            }
            command(out, in, "QUIT");
        }
        Arrays.sort(took);
        double mean = Arrays.stream(took).average().orElse(0) / 1e6;
        System.out.printf("%.2f %.2f %.2f %d%n", percentile(took, 50), percentile(took, 99), mean, count);
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** The message as DATA content: CRLF line ends, dot-stuffed, with the final dot. */
    private static byte[] data(String message) {
        StringBuilder out = new StringBuilder();
        for (String line : message.split("\n", -1)) {
            out.append(line.startsWith(".") ? "." : "").append(line).append("\r\n");
        }
        return out.append(".\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void command(OutputStream out, BufferedReader in, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        reply(in, line);
    }

    private static void reply(BufferedReader in, String after) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed after " + after);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (line.charAt(0) != '2' && line.charAt(0) != '3') {
            throw new IOException("refused after " + after + ": " + line);
        }
    }
}

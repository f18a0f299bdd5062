package nl.lekwacht.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.lekwacht.support.Bsns;
import nl.lekwacht.support.Pdfs;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Messages of about {@code megabytes} MB with a PDF, a DOCX and a large CSV attached, in four kinds:
 * clean, or with a synthetic BSN in the PDF, in the DOCX or in the CSV. The body after the header is
 * made once per kind; each message differs only in its header.
 */
final class LargeMessages {

    enum Kind { CLEAN, BSN_IN_PDF, BSN_IN_DOCX, BSN_IN_CSV }

    private static final String BOUNDARY = "grens-0123456789";

    private LargeMessages() {
    }

    static Kind kindOf(int index) {
        return switch (index % 10) {
            case 3 -> Kind.BSN_IN_PDF;
            case 6 -> Kind.BSN_IN_DOCX;
            case 9 -> Kind.BSN_IN_CSV;
            default -> Kind.CLEAN;
        };
    }

    static String header(int index, String messageId) {
        return "From: Alice <" + RetryingMta.FROM + ">\r\nTo: <" + RetryingMta.TO + ">\r\nSubject: Grote bijlagen "
                + index + "\r\nMessage-ID: <" + messageId + ">\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"" + BOUNDARY + "\"\r\n\r\n";
    }

    /** The body of a message of {@code kind}, as DATA sends it (no line starts with a dot), without the final dot. */
    static byte[] body(Kind kind, int megabytes) throws IOException {
        String bsn = Bsns.valid(4242 + kind.ordinal());
        ByteArrayOutputStream out = new ByteArrayOutputStream(megabytes * 1024 * 1024 + 65536);
        write(out, "--" + BOUNDARY + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Beste Bob,\r\n\r\nBijgaand de rapportage, het verslag en de lijst.\r\n\r\nGroet, Alice\r\n");
        attach(out, "application/pdf", "rapportage.pdf", Pdfs.onePage("Rapportage wijkteam, kwartaal drie"
                + (kind == Kind.BSN_IN_PDF ? ", aanvrager BSN " + bsn : "")));
        attach(out, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "verslag.docx",
                docx(kind == Kind.BSN_IN_DOCX ? bsn : null));
        long room = megabytes * 1024L * 1024 - out.size() - 4096;
        attach(out, "text/csv", "lijst.csv", csv((int) (room * 3 / 4 * 76 / 78), kind == Kind.BSN_IN_CSV ? bsn : null));
        write(out, "--" + BOUNDARY + "--\r\n");
        return out.toByteArray();
    }

    private static byte[] docx(String bsn) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < 200; i++) {
                doc.createParagraph().createRun().setText("Verslag van het overleg over de wijkaanpak, punt "
                        + i + ": de afspraken worden in de volgende vergadering besproken.");
            }
            if (bsn != null) {
                doc.createParagraph().createRun().setText("Betreft de aanvrager met burgerservicenummer " + bsn + ".");
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** Rows without nine-digit numbers, so only the planted BSN can be one. */
    private static byte[] csv(int bytes, String bsn) {
        StringBuilder csv = new StringBuilder(bytes + 100);
        csv.append("Naam;Straat;Plaats;Bedrag\n");
        if (bsn != null) {
            csv.append("Jansen;BSN ").append(bsn).append(";Woonplaats;0,00\n");
        }
        for (int i = 0; csv.length() < bytes; i++) {
            csv.append("Persoon ").append(i % 5000).append(";Dorpsstraat ").append(i % 300).append(";Woonplaats ")
                    .append(i % 40).append(';').append(i % 90).append(",50\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void attach(ByteArrayOutputStream out, String type, String name, byte[] content) {
        write(out, "--" + BOUNDARY + "\r\nContent-Type: " + type + "; name=\"" + name + "\"\r\n"
                + "Content-Disposition: attachment; filename=\"" + name + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        out.writeBytes(Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encode(content));
        write(out, "\r\n");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}

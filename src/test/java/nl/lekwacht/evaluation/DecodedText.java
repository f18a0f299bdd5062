package nl.lekwacht.evaluation;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text this corpus put into a message, decoded independently of the product: headers (RFC 2047),
 * file names (RFC 2231/2047), bodies, HTML without tags, attached messages, PDFs (text and form
 * fields), ZIPs and office files (their XML without tags). Used only to check the manifest.
 */
final class DecodedText {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]+);");

    private final Session session;
    private final StringBuilder text = new StringBuilder();

    DecodedText() {
        Properties p = new Properties();
        p.setProperty("mail.mime.decodefilename", "true");
        p.setProperty("mail.mime.decodeparameters", "true");
        this.session = Session.getInstance(p);
    }

    static String of(byte[] eml) throws IOException, MessagingException {
        DecodedText d = new DecodedText();
        d.message(eml, 0);
        return normalise(d.text.toString());
    }

    static String ofDocument(String name, byte[] bytes) throws IOException {
        DecodedText d = new DecodedText();
        d.document(name, bytes, 0);
        return normalise(d.text.toString());
    }

    /** Full-width digits to ASCII, invisible characters out, entities resolved. */
    static String normalise(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC)
                .replaceAll("[\u200B\u200C\u200D\u2060\uFEFF\u00AD]", "");
        Matcher m = ENTITY.matcher(n);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            int cp = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            m.appendReplacement(b, Matcher.quoteReplacement(new String(Character.toChars(cp))));
        }
        m.appendTail(b);
        return b.toString().replace("&nbsp;", " ").replace("\u00A0", " ").replace("&euml;", "ë").replace("&amp;", "&");
    }

    private void message(byte[] eml, int depth) throws IOException, MessagingException {
        MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(eml));
        String subject = m.getHeader("Subject", null);
        if (subject != null) {
            text.append(MimeUtility.decodeText(MimeUtility.unfold(subject))).append('\n');
        }
        part(m, depth);
    }

    private void part(Part p, int depth) throws IOException, MessagingException {
        if (depth > 6) {
            return;
        }
        String name = p.getFileName();
        if (name != null) {
            text.append(MimeUtility.decodeText(name)).append('\n');
        }
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart bp = mp.getBodyPart(i);
                part(bp, depth + 1);
            }
        } else if (p.isMimeType("message/rfc822") && p instanceof jakarta.mail.internet.MimeBodyPart mbp) {
            // Jakarta Mail leaves a base64 or quoted-printable message/rfc822 part undecoded (RFC 2046
            // forbids those encodings there); mail clients decode it, so this checker does too
            String cte = mbp.getEncoding();
            try (InputStream in = cte == null ? mbp.getRawInputStream()
                    : MimeUtility.decode(mbp.getRawInputStream(), cte)) {
                message(in.readAllBytes(), depth + 1);
            }
        } else if (p.isMimeType("text/*") && name == null) {
            String charset = new jakarta.mail.internet.ContentType(p.getContentType()).getParameter("charset");
            byte[] raw;
            try (InputStream in = p.getInputStream()) {
                raw = in.readAllBytes();
            }
            String s = new String(raw, charset == null ? StandardCharsets.US_ASCII : Charset.forName(charset));
            text.append(p.isMimeType("text/html") ? TAG.matcher(s).replaceAll("") : s).append('\n');
        } else {
            try (InputStream in = p.getInputStream()) {
                document(name == null ? "" : name, in.readAllBytes(), depth);
            }
        }
    }

    private void document(String name, byte[] bytes, int depth) throws IOException {
        String lower = name.toLowerCase();
        if (bytes.length > 4 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F') {
            pdf(bytes);
        } else if (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K') {
            zip(bytes, depth, lower.endsWith(".zip"));
        } else if (lower.endsWith(".doc")) {
            text.append(new String(bytes, StandardCharsets.UTF_16LE)).append('\n')
                    .append(new String(bytes, StandardCharsets.ISO_8859_1)).append('\n');
        } else if (lower.endsWith(".html") || lower.endsWith(".xml")) {
            text.append(TAG.matcher(new String(bytes, StandardCharsets.UTF_8)).replaceAll(" ")).append('\n');
        } else {
            String utf8 = new String(bytes, StandardCharsets.UTF_8);
            text.append(utf8.contains("\uFFFD") ? new String(bytes, Charset.forName("windows-1252")) : utf8).append('\n');
        }
    }

    private void pdf(byte[] bytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            text.append(new PDFTextStripper().getText(doc)).append('\n');
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            if (form != null) {
                for (PDField f : form.getFields()) {
                    text.append(f.getValueAsString()).append('\n');
                }
            }
        }
    }

    private void zip(byte[] bytes, int depth, boolean archive) throws IOException {
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                byte[] content = z.readAllBytes();
                String n = e.getName();
                if (archive) {
                    text.append(n).append('\n');
                    document(n, content, depth + 1);
                } else if (n.endsWith(".xml") && !n.contains("styles") && !n.contains("settings")) {
                    // office XML: a space for every tag, so cells and runs stay apart
                    text.append(TAG.matcher(new String(content, StandardCharsets.UTF_8)).replaceAll(" ")).append('\n');
                }
            }
        }
    }
}

package nl.lekwacht.inspect.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import nl.lekwacht.ContentCorpusChain;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.support.Bsns;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's misses in attachments, through the real chain (parser, parser processes, detectors): a
 * PDF with the keyword on page 1 and the number on page 2, a number broken over a line end, a footer on
 * every page counted once, the element names of an XML message, an attached message that is itself
 * base64-encoded. Each fixture states the codes present and absent.
 */
class TextModelThroughTheChainTest {

    private static final String NUMBER = Bsns.valid(4242);
    private static ContentCorpusChain chain;

    @BeforeAll
    static void start() {
        chain = ContentCorpusChain.start("");
    }

    @AfterAll
    static void stop() {
        chain.close();
    }

    private static List<Finding> screen(String eml) {
        return chain.screen(eml.getBytes(StandardCharsets.UTF_8)).verdict().findings();
    }

    private static int bsnCount(List<Finding> findings) {
        return findings.stream().filter(f -> f.code() == FindingCode.BSN).mapToInt(Finding::count).sum();
    }

    private static List<FindingCode> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).distinct().toList();
    }

    @Test
    void findsTheNumberOnPageTwoNamedOnPageOne() {
        List<Finding> findings = screen(withAttachment("application/pdf", "formulier.pdf",
                pdf(List.of(List.of("Naam aanvrager: G. van de Kok", "Burgerservicenummer (BSN)"),
                        List.of(NUMBER, "Laat maar weten als er iets ontbreekt.")))));
        assertThat(codes(findings)).contains(FindingCode.BSN).doesNotContain(FindingCode.UNINSPECTABLE_ATTACHMENT);
    }

    @Test
    void findsANumberBrokenOverALineEndOfAPdf() {
        List<Finding> findings = screen(withAttachment("application/pdf", "brief.pdf",
                pdf(List.of(List.of("U staat geregistreerd onder burgerservicenummer " + NUMBER.substring(0, 3) + " "
                        + NUMBER.substring(3, 6), NUMBER.substring(6) + " en u woont op het adres Veerweg 174.")))));
        assertThat(codes(findings)).contains(FindingCode.BSN);
    }

    @Test
    void countsAFooterOnEveryPageOnce() {
        List<String> page = List.of("Besluit op uw aanvraag", "BSN " + NUMBER);
        List<Finding> findings = screen(withAttachment("application/pdf", "besluit.pdf", pdf(List.of(page, page, page))));
        assertThat(bsnCount(findings)).isEqualTo(1);
    }

    @Test
    void readsTheElementNamesOfAnXmlMessage() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Bericht><Client><Bsn>" + NUMBER
                + "</Bsn><Naam><Achternaam>Smit</Achternaam></Naam></Client></Bericht>\n";
        List<Finding> findings = screen(withAttachment("text/xml", "WMO301.xml", xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(codes(findings)).contains(FindingCode.BSN).doesNotContain(FindingCode.UNINSPECTABLE_ATTACHMENT);
        assertThat(bsnCount(findings)).isEqualTo(1);
    }

    @Test
    void inspectsAnAttachedMessageThatIsBase64Encoded() {
        String inner = "From: a@voorbeeld.example\r\nSubject: Melding\r\nContent-Type: text/plain\r\n\r\n"
                + "Wij maken ons zorgen over mevrouw C. Jacobs, BSN " + NUMBER + ".\r\n";
        List<Finding> findings = screen(withAttachment("message/rfc822", "Melding.eml",
                inner.getBytes(StandardCharsets.UTF_8)));
        assertThat(codes(findings)).contains(FindingCode.BSN);
    }

    /** A message with one base64 attachment. */
    private static String withAttachment(String type, String name, byte[] content) {
        return "From: medewerker@gemeente.example\r\nTo: ontvanger@partner.example\r\nSubject: Stukken\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nZie bijlage.\r\n"
                + "--b\r\nContent-Type: " + type + "; name=\"" + name + "\"\r\nContent-Disposition: attachment; "
                + "filename=\"" + name + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(content) + "\r\n--b--\r\n";
    }

    /** A text PDF: one list of lines per page. */
    private static byte[] pdf(List<List<String>> pages) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (List<String> lines : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float y = 700;
                    for (String line : lines) {
                        cs.beginText();
                        cs.setFont(font, 11);
                        cs.newLineAtOffset(72, y);
                        cs.showText(line);
                        cs.endText();
                        y -= 16;
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

package nl.lekwacht.hold;

import static nl.lekwacht.hold.HoldFixture.SENDER;
import static nl.lekwacht.hold.HoldFixture.to;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.SmtpTestClient;
import nl.lekwacht.support.Messages;
import nl.lekwacht.support.Pdfs;
import nl.lekwacht.support.TestGateway;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixes that fit a finding, end to end through the relay: a BSN document is withheld and the rest
 * leaves byte for byte; a misdirected recipient is replaced by the suggestion with one POST; removing
 * every recipient sends nothing.
 */
class HoldCorrectionsThroughRelayTest {

    private static final String BOB = "bob@extern.example";
    private static final String KNOWN = "jan.jansen@zorgpartner.nl";
    private static final String SLIP = "jan.jansen@zorgpartner.com";
    /** A generous extraction time: a busy test machine must not turn the PDF into an uninspectable attachment. */
    private static final String YAML = HoldFixture.HOLD_YAML + "history:\n  learning-messages: 0\n"
            + "detectors:\n  budget: 150s\n  extraction:\n    timeout: 120s\n    queue-wait: 120s\n";

    @TempDir
    Path data;

    private final ManualScheduler background = new ManualScheduler();
    private final HoldFixture web = HoldFixture.create();

    @Test
    void sendWithoutAttachmentsDeliversTheDocxOnlyByteIdenticalApartFromTheWithheldPart() throws Exception {
        String bsn = HoldFixture.bsn(71);
        String pdfPart = "Content-Type: application/pdf; name=\"beschikking.pdf\"\r\n"
                + "Content-Disposition: attachment; filename=\"beschikking.pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + base64(pdf("Beschikking. BSN aanvrager: " + bsn));
        String docxPart = "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document;"
                + " name=\"vraag.docx\"\r\nContent-Disposition: attachment; filename=\"vraag.docx\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + base64(docx("Mijn vraag gaat over het formulier."));
        String message = "From: Alice <" + SENDER + ">\r\n"
                + "To: Helpdesk <" + BOB + ">\r\n"
                + "Subject: Vraag over het formulier\r\n"
                + "Message-ID: <vraag.71@gemeente.example>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"grens-71\"\r\n\r\n"
                + "Dit is een bericht in MIME-formaat.\r\n"
                + "--grens-71\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Beste helpdesk,\r\n\r\nIk heb een vraag over het formulier, zie de bijlagen.\r\n"
                + "--grens-71\r\n" + pdfPart + "\r\n"
                + "--grens-71\r\n" + docxPart + "\r\n"
                + "--grens-71--\r\n";
        String ref;
        try (CapturingNextHop nextHop = new CapturingNextHop();
             Gateway gateway = TestGateway.startGateway(data, nextHop.port(), YAML, background)) {
            ref = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, List.of(BOB), message));
            HoldFixture.Link link = HoldFixture.notification(background, nextHop, SENDER, ref);
            String page = web.get(gateway.webPort(), link.token()).body();
            assertThat(page).as("the fitting fix comes first and is the main button")
                    .contains("name=\"attachment\" value=\"2\" checked")
                    .contains("class=\"primary\" name=\"action\" value=\"send-without-attachments\"")
                    .doesNotContain("value=\"send-bcc\"");
            assertThat(page.indexOf("send-without-attachments")).isLessThan(page.indexOf("value=\"send\""));

            HttpResponse<String> none = web.actWith(gateway.webPort(), link.token(), "action", "send-without-attachments");
            assertThat(none.statusCode()).as("no attachment chosen").isEqualTo(422);
            HttpResponse<String> unknown = web.actWith(gateway.webPort(), link.token(),
                    "action", "send-without-attachments", "attachment", "7");
            assertThat(unknown.statusCode()).as("not a part of this message").isEqualTo(422);

            HttpResponse<String> done = web.actWith(gateway.webPort(), link.token(),
                    "action", "send-without-attachments", "attachment", "2");
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(done.body()).contains("zonder de bijlagen die u aanwees");
            background.runQueued();

            assertThat(to(nextHop, BOB)).hasSize(1);
            String whole = HoldFixture.text(to(nextHop, BOB).get(0));
            String delivered = whole.substring(whole.indexOf("\r\n", whole.indexOf("X-Lekwacht: ")) + 2);
            String withheld = new String(WithheldPart.of(
                    "Hier stond een bijlage. De afzender heeft die bijlage niet meegestuurd."), StandardCharsets.US_ASCII);
            assertThat(delivered).as("byte for byte, apart from the withheld part")
                    .isEqualTo(message.replace(pdfPart + "\r\n", withheld));
            assertThat(delivered).contains(docxPart).doesNotContain("beschikking.pdf");
            assertThat(whole).doesNotContain(bsn);
            for (byte[] part : decodedParts(to(nextHop, BOB).get(0).data())) {
                assertThat(new String(part, StandardCharsets.ISO_8859_1)).doesNotContain(bsn).doesNotStartWith("%PDF");
            }
            assertThat(web.get(gateway.webPort(), link.token()).body()).contains("zonder de bijlagen die u aanwees");
        }
        assertThat(storedContent(ref)).as("the corrected message replaced the original in the store")
                .doesNotContain("beschikking.pdf").contains("vraag.docx");
    }

    @Test
    void misdirectedRecipientIsReplacedByTheSuggestionWithOnePost() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop();
             Gateway gateway = TestGateway.startGateway(data, nextHop.port(), YAML, background)) {
            assertThat(sendPlain(gateway, KNOWN, "Jan Jansen", "Overleg")).startsWith("250");
            String message = "From: Alice <" + SENDER + ">\r\nTo: Jan Jansen <" + SLIP + ">\r\n"
                    + "Cc: Collega <collega@gemeente.example>\r\nSubject: Verslag overleg\r\n\r\nHet verslag.\r\n";
            String ref = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER,
                    List.of(SLIP, "collega@gemeente.example"), message));
            HoldFixture.Link link = HoldFixture.notification(background, nextHop, SENDER, ref);
            String page = web.get(gateway.webPort(), link.token()).body();
            assertThat(page).contains("name=\"replacement\" value=\"" + KNOWN + "\"")
                    .contains("class=\"primary\" name=\"action\" value=\"replace-recipient\"");

            HttpResponse<String> free = web.actWith(gateway.webPort(), link.token(), "action", "replace-recipient",
                    "recipient", SLIP, "replacement", "iemand@elders.example");
            assertThat(free.statusCode()).as("only a suggestion, never a free address").isEqualTo(422);

            HttpResponse<String> done = web.actWith(gateway.webPort(), link.token(), "action", "replace-recipient",
                    "recipient", SLIP, "replacement", KNOWN);
            assertThat(done.statusCode()).isEqualTo(200);
            background.runQueued();
            List<CapturingNextHop.Received> got = to(nextHop, KNOWN);
            assertThat(got).hasSize(2); // the first, ordinary message and the corrected one
            CapturingNextHop.Received corrected = got.get(1);
            assertThat(corrected.recipients()).containsExactly(KNOWN, "collega@gemeente.example");
            String text = HoldFixture.text(corrected);
            assertThat(text).contains("To: Jan Jansen <" + KNOWN + ">\r\n").doesNotContain(SLIP)
                    .contains("Cc: Collega <collega@gemeente.example>\r\n").endsWith("\r\n\r\nHet verslag.\r\n");
            assertThat(to(nextHop, SLIP)).isEmpty();
        }
    }

    @Test
    void removingEveryRecipientSendsNothing() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop();
             Gateway gateway = TestGateway.startGateway(data, nextHop.port(), YAML, background)) {
            String ref = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, List.of(BOB),
                    HoldFixture.bsnMessage("Alleen Bob", List.of(BOB), 72)));
            HoldFixture.Link link = HoldFixture.notification(background, nextHop, SENDER, ref);
            HttpResponse<String> done = web.actWith(gateway.webPort(), link.token(), "action", "remove-recipient",
                    "recipient", BOB);
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(done.body()).contains("Het bericht is niet verzonden");
            background.runQueued();
            background.runRound(ManualScheduler.HOLD_LOOP);
            assertThat(to(nextHop, BOB)).isEmpty();
        }
    }

    private static String sendPlain(Gateway gateway, String to, String name, String subject) throws IOException {
        try (SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort())) {
            client.reply();
            client.command("EHLO client.test");
            client.command("MAIL FROM:<" + SENDER + ">");
            client.command("RCPT TO:<" + to + ">");
            client.command("DATA");
            client.send(Messages.dataOf("From: Alice <" + SENDER + ">\r\nTo: " + name + " <" + to + ">\r\n"
                    + "Subject: " + subject + "\r\n\r\nTot donderdag.\r\n"));
            return client.reply();
        }
    }

    /** The hold's sealed content as the store keeps it now, opened with the test key. */
    private String storedContent(String ref) throws Exception {
        ContentCipher cipher = ContentCipher.fromConfig(HoldFixture.KEY, List.of(), new SecureRandom());
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("store").toAbsolutePath())) {
            InputStream in = cipher.open(ref, (id, seq) -> {
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT data FROM sealed_content WHERE content_id = ? AND seq = ?")) {
                    s.setString(1, id);
                    s.setInt(2, seq);
                    try (ResultSet rs = s.executeQuery()) {
                        return rs.next() ? rs.getBytes(1) : null;
                    }
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<byte[]> decodedParts(byte[] raw) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        List<byte[]> parts = new ArrayList<>();
        Multipart multipart = (Multipart) m.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            try (InputStream in = part.getInputStream()) {
                parts.add(in.readAllBytes());
            }
        }
        return parts;
    }

    private static String base64(byte[] bytes) {
        return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(bytes);
    }

    private static byte[] pdf(String text) throws IOException {
        return Pdfs.onePage(text);
    }

    private static byte[] docx(String text) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText(text);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        }
    }
}

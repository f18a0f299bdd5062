package nl.lekwacht.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.lekwacht.message.spool.Spool;
import org.junit.jupiter.api.Test;

/** Parts are numbered as IMAP numbers them (RFC 3501 6.4.5), so the hold side can name them. */
class PartIdsTest {

    private final MessageParser parser = new MessageParser(1_000_000, 1_000);

    @Test
    void bodyOfASinglePartMessageIsPartOne() {
        OutboundMessage message = parse("Content-Type: text/plain\r\n\r\nHallo\r\n");
        assertThat(message.texts()).extracting(TextPart::partId).containsExactly("1");
    }

    @Test
    void partsOfNestedMultipartsAreNumberedLikeImap() {
        String mail = "Content-Type: multipart/mixed; boundary=outer\r\n\r\n"
                + "--outer\r\nContent-Type: multipart/alternative; boundary=inner\r\n\r\n"
                + "--inner\r\nContent-Type: text/plain\r\n\r\nplat\r\n"
                + "--inner\r\nContent-Type: text/html\r\n\r\n<p>html</p>\r\n"
                + "--inner--\r\n"
                + "--outer\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=a.pdf\r\n\r\n"
                + "%PDF\r\n"
                + "--outer\r\nContent-Type: multipart/mixed; boundary=deep\r\n\r\n"
                + "--deep\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename=b.csv\r\n\r\nx\r\n"
                + "--deep--\r\n"
                + "--outer--\r\n";
        OutboundMessage message = parse(mail);
        assertThat(message.texts()).filteredOn(TextPart::isBody).extracting(TextPart::partId)
                .containsExactly("1.1", "1.2");
        assertThat(message.texts()).filteredOn(t -> t.where().startsWith("attachment:"))
                .extracting(TextPart::partId).containsExactly("2", "3.1");
        assertThat(message.attachments()).extracting(Attachment::partId).containsExactly("2", "3.1");
        assertThat(message.attachments()).extracting(Attachment::name).containsExactly("a.pdf", "b.csv");
    }

    @Test
    void tooManyPartsIsAProblemOfTheWholeMessage() {
        StringBuilder mail = new StringBuilder("Content-Type: multipart/mixed; boundary=b\r\n\r\n");
        for (int i = 0; i < 1_001; i++) {
            mail.append("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n");
        }
        OutboundMessage message = parse(mail.append("--b--\r\n").toString());
        assertThat(message.problems()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.partId()).isEqualTo(ExtractionProblem.WHOLE_MESSAGE));
    }

    private OutboundMessage parse(String mail) {
        Envelope envelope = new Envelope("q", "a@gemeente.example", List.of("b@example.org"),
                InetAddress.getLoopbackAddress(), "mta", Optional.empty(), Instant.EPOCH);
        return parser.parse(Spool.ofBytes(("From: <a@gemeente.example>\r\nTo: <b@example.org>\r\n" + mail)
                .getBytes(StandardCharsets.UTF_8)), envelope);
    }
}

package nl.lekwacht.hold;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The small text part that takes the place of a withheld attachment: one sentence in the organisation's
 * language, quoted-printable so that it is 7-bit whatever the language, and no file name (a name can
 * itself carry personal data).
 */
final class WithheldPart {

    private WithheldPart() {
    }

    /** The part's header, an empty line and its body, ending in CRLF. */
    static byte[] of(String sentence) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Disposition: inline\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        try (OutputStream qp = MimeUtility.encode(out, "quoted-printable")) {
            qp.write(sentence.strip().getBytes(StandardCharsets.UTF_8));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot encode the withheld-attachment text", e);
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}

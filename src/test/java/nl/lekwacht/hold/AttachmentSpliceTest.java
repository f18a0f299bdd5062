package nl.lekwacht.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Parts are found by their IMAP number and replaced whole; every other byte is copied as it was. */
class AttachmentSpliceTest {

    private static final String REPLACEMENT = "Content-Type: text/plain\r\n\r\nweg\r\n";

    private static final String NESTED = "From: a@gemeente.example\r\n"
            + "Content-Type: multipart/mixed; boundary=outer\r\n\r\n"
            + "preamble\r\n"
            + "--outer\r\n"
            + "Content-Type: multipart/alternative; boundary=\"inner\"\r\n\r\n"
            + "--inner\r\nContent-Type: text/plain\r\n\r\ntekst\r\n"
            + "--inner\r\nContent-Type: text/html\r\n\r\n<p>tekst</p>\r\n"
            + "--inner--\r\n"
            + "--outer\r\n"
            + "Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + "JVBERi0xLjQK\r\n--outerish is not a boundary\r\n"
            + "--outer \r\n"
            + "Content-Type: application/octet-stream\r\n\r\n"
            + "x".repeat(20_000) + "\r\n"
            + "--outer--\r\n"
            + "epilogue\r\n";

    @Test
    void replacesATopLevelPartAndKeepsEverythingElseByteForByte() throws Exception {
        Result r = splice(NESTED, Set.of("2"));
        assertThat(r.done).containsExactly("2");
        assertThat(r.out).isEqualTo(NESTED.replace("Content-Type: application/pdf\r\nContent-Transfer-Encoding: "
                + "base64\r\n\r\nJVBERi0xLjQK\r\n--outerish is not a boundary\r\n", REPLACEMENT));
    }

    @Test
    void replacesANestedPartAndAPartAfterAnOverLongLine() throws Exception {
        Result r = splice(NESTED, Set.of("1.2", "3"));
        assertThat(r.done).containsExactlyInAnyOrder("1.2", "3");
        assertThat(r.out).isEqualTo(NESTED
                .replace("Content-Type: text/html\r\n\r\n<p>tekst</p>\r\n", REPLACEMENT)
                .replace("Content-Type: application/octet-stream\r\n\r\n" + "x".repeat(20_000) + "\r\n", REPLACEMENT));
    }

    @Test
    void leavesAMessageWithoutPartsAsItIs() throws Exception {
        String single = "Content-Type: application/pdf\r\n\r\nJVBERi0xLjQK\r\n";
        Result r = splice(single, Set.of("1"));
        assertThat(r.done).isEmpty();
        assertThat(r.out).isEqualTo(single);
    }

    @Test
    void unknownPartIdsAreReportedAsNotDone() throws Exception {
        Result r = splice(NESTED, Set.of("9"));
        assertThat(r.done).isEmpty();
        assertThat(r.out).isEqualTo(NESTED);
    }

    private record Result(String out, Set<String> done) {
    }

    private static Result splice(String message, Set<String> ids) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Set<String> done = new AttachmentSplice(REPLACEMENT.getBytes(StandardCharsets.US_ASCII))
                .splice(new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)), out, ids);
        return new Result(out.toString(StandardCharsets.ISO_8859_1), done);
    }
}

package nl.lekwacht.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BccRewriteTest {

    private final BccRewrite rewrite = new BccRewrite(a -> a.toLowerCase().endsWith("@gemeente.example"));

    private String apply(String message) throws IOException {
        try (InputStream in = rewrite.rewrite(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void removesExternalAddressesFromFoldedToAndCcAndKeepsTheRestByteForByte() throws IOException {
        String body = "\r\nTo: this line is in the body and stays\r\nCc: so is this\r\n";
        String message = "Received: from x\r\n\tby y; Sun, 1 Nov 2026 10:00:00 +0100\r\n"
                + "From: Alice <alice@gemeente.example>\r\n"
                + "to: a@gmail.com,\r\n \"Bert, B.\" <b@hotmail.com>, Collega <c@gemeente.example>\r\n"
                + "CC: d@ziggo.nl\r\n"
                + "Subject: =?UTF-8?Q?Uitnodiging_caf=C3=A9?=\r\n"
                + "X-Other: keep\r\n" + body;
        String result = apply(message);
        assertThat(result).isEqualTo("Received: from x\r\n\tby y; Sun, 1 Nov 2026 10:00:00 +0100\r\n"
                + "From: Alice <alice@gemeente.example>\r\n"
                + "to: Collega <c@gemeente.example>\r\n"
                + "Subject: =?UTF-8?Q?Uitnodiging_caf=C3=A9?=\r\n"
                + "X-Other: keep\r\n" + body);
    }

    @Test
    void toWithOnlyExternalAddressesBecomesUndisclosedRecipients() throws IOException {
        String result = apply("To: a@gmail.com, b@hotmail.com\r\nSubject: x\r\n\r\nbody\r\n");
        assertThat(result).isEqualTo("To: undisclosed-recipients:;\r\nSubject: x\r\n\r\nbody\r\n");
        assertThat(result).doesNotContainIgnoringCase("bcc");
    }

    @Test
    void groupsWithAnExternalMemberAreDroppedEmptyGroupsKept() throws IOException {
        assertThat(apply("To: Team: a@gmail.com, c@gemeente.example;, d@gemeente.example\r\n\r\nx"))
                .isEqualTo("To: d@gemeente.example\r\n\r\nx");
        assertThat(apply("To: undisclosed-recipients:;\r\n\r\nx")).isEqualTo("To: undisclosed-recipients:;\r\n\r\nx");
    }

    @Test
    void bodyBytesAfterTheHeaderAreUntouchedEvenWhenNotUtf8() throws IOException {
        byte[] header = "To: a@gmail.com\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] body = {(byte) 0xE9, (byte) 0xFF, 0, 13, 10, '.', 13, 10};
        byte[] message = new byte[header.length + body.length];
        System.arraycopy(header, 0, message, 0, header.length);
        System.arraycopy(body, 0, message, header.length, body.length);
        byte[] out = rewrite.rewrite(new ByteArrayInputStream(message)).readAllBytes();
        byte[] expectedHeader = "To: undisclosed-recipients:;\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(java.util.Arrays.copyOfRange(out, expectedHeader.length, out.length)).isEqualTo(body);
        assertThat(java.util.Arrays.copyOf(out, expectedHeader.length)).isEqualTo(expectedHeader);
    }
}

package nl.lekwacht.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.Messages;
import nl.lekwacht.support.SmtpTestClient;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Envelope addresses through the real relay, GreenMail as next hop: one strict reading of each path,
 * the same for every decision and for what is passed on, and a refusal for whatever the next hop
 * could read differently.
 */
class EnvelopeAddressThroughRelayTest {

    private static final String HOLD = "hold:\n  encryption-key: \"MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=\"\n"
            + "  link-secret: \"a-link-secret-shared-by-every-instance-0123456789\"\n"
            + "  notify-from: lekwacht@gemeente.example\n";

    @TempDir
    Path data;

    private final ManualScheduler background = new ManualScheduler();
    private GreenMail nextHop;
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        nextHop = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        nextHop.start();
        gateway = TestGateway.startGateway(data, nextHop.getSmtp().getPort(), HOLD, background);
    }

    @AfterEach
    void stop() {
        gateway.close();
        nextHop.stop();
    }

    @ParameterizedTest(name = "MAIL FROM:<{0}>")
    @ValueSource(strings = {"alice@gemeente.example.", "ALICE@GEMEENTE.EXAMPLE.", "alice@burgerzaken.gemeente.example.",
            "\"alice\"@gemeente.example", "@relay.example:alice@gemeente.example."})
    void holdsMessageOfInternalSenderHoweverTheDomainIsWritten(String sender) throws Exception {
        try (SmtpTestClient client = client()) {
            assertThat(client.command("MAIL FROM:<" + sender + ">")).startsWith("250");
            assertThat(client.command("RCPT TO:<bob@extern.example>")).startsWith("250");
            assertThat(client.command("DATA")).startsWith("354");
            client.send(Messages.dataOf(Messages.simple("alice@gemeente.example", "bob@extern.example", "Aanvraag",
                    "Het BSN van de aanvrager is " + bsn(6) + ".")));
            assertThat(client.reply()).startsWith("250 2.6.0 Held for sender confirmation (ref ");
        }
        assertThat(nextHop.getReceivedMessagesForDomain("extern.example")).as("held, not delivered").isEmpty();
    }

    @Test
    void passesTheSenderOnWithoutTheTrailingDot() throws Exception {
        try (SmtpTestClient client = client()) {
            assertThat(client.command("MAIL FROM:<alice@gemeente.example.>")).startsWith("250");
            assertThat(client.command("RCPT TO:<bob@extern.example.>")).startsWith("250");
            assertThat(client.command("DATA")).startsWith("354");
            client.send(Messages.dataOf(Messages.simple("alice@gemeente.example", "bob@extern.example", "Hallo",
                    "Gewoon een bericht.")));
            assertThat(client.reply()).matches("250 [A-Z0-9]{12} .*");
        }
        var received = nextHop.getReceivedMessagesForDomain("extern.example");
        assertThat(received).hasSize(1);
        assertThat(received[0].getHeader("Return-Path", null)).isEqualTo("<alice@gemeente.example>");
    }

    @ParameterizedTest(name = "RCPT TO:{0}")
    @ValueSource(strings = {"victim@evil.example>@gemeente.example", "<victim@evil.example>@gemeente.example>",
            "victim@evil.example", "<victim@evil.example@gemeente.example>", "<victim%evil.example@[999.1.1.1]>",
            "<\"victim@evil.example>@gemeente.example>"})
    void refusesARecipientThatIsNotOneStrictPathAndForwardsNothing(String path) throws Exception {
        try (SmtpTestClient client = client()) {
            assertThat(client.command("MAIL FROM:<alice@gemeente.example>")).startsWith("250");
            assertThat(client.command("RCPT TO:" + path)).isEqualTo("501 5.1.3 Bad recipient address syntax");
            assertThat(client.command("DATA")).isEqualTo("554 5.5.1 No valid recipients");
            assertThat(client.command("RSET")).startsWith("250");
            assertThat(client.command("QUIT")).startsWith("221");
        }
        assertThat(nextHop.getReceivedMessages()).isEmpty();
    }

    @Test
    void refusesNonAsciiSenderAndRecipientWithoutSmtpUtf8() throws Exception {
        try (SmtpTestClient client = client()) {
            assertThat(client.command("EHLO client.test")).doesNotContain("SMTPUTF8");
            assertThat(command(client, "MAIL FROM:<j\u00f6rg@gemeente.example>"))
                    .isEqualTo("553 5.6.7 Non-ASCII address requires SMTPUTF8");
            assertThat(command(client, "MAIL FROM:<j\u00f6rg@gemeente.example> SMTPUTF8"))
                    .isEqualTo("555 5.5.4 SMTPUTF8 not offered");
            assertThat(client.command("MAIL FROM:<alice@gemeente.example>")).startsWith("250");
            assertThat(command(client, "RCPT TO:<bob@extern-\u00e9.example>"))
                    .isEqualTo("553 5.6.7 Non-ASCII address requires SMTPUTF8");
            assertThat(client.command("DATA")).isEqualTo("554 5.5.1 No valid recipients");
        }
        assertThat(nextHop.getReceivedMessages()).isEmpty();
    }

    @Test
    void refusesAnAddressInAnotherEightBitCharsetPermanently() throws Exception {
        try (SmtpTestClient client = client()) {
            client.sendBytes("MAIL FROM:<j\u00f6rg@gemeente.example>\r\n".getBytes(StandardCharsets.ISO_8859_1));
            // not UTF-8: SubEthaSMTP itself refuses the line (5xx, never a 4xx that would be retried)
            assertThat(client.reply()).startsWith("501 ");
        }
        assertThat(nextHop.getReceivedMessages()).isEmpty();
    }

    /** Sends a command line as UTF-8, the way an SMTPUTF8 client would. */
    private static String command(SmtpTestClient client, String line) throws Exception {
        client.sendBytes((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        return client.reply();
    }

    private SmtpTestClient client() throws Exception {
        SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort());
        assertThat(client.reply()).startsWith("220");
        assertThat(client.command("EHLO client.test")).startsWith("250");
        return client;
    }

    /** A valid synthetic BSN (11-proef). */
    static String bsn(long seed) {
        Random random = new Random(seed);
        while (true) {
            int[] d = new int[9];
            d[0] = 1 + random.nextInt(9);
            int sum = 0;
            for (int i = 1; i < 8; i++) {
                d[i] = random.nextInt(10);
            }
            for (int i = 0; i < 8; i++) {
                sum += (9 - i) * d[i];
            }
            if (sum % 11 <= 9) {
                d[8] = sum % 11;
                StringBuilder out = new StringBuilder();
                for (int x : d) {
                    out.append(x);
                }
                return out.toString();
            }
        }
    }
}

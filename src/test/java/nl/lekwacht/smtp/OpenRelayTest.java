package nl.lekwacht.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.Messages;
import nl.lekwacht.support.SmtpTestClient;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gateway is no open relay: a client outside {@code smtp.allowed-networks} gets nothing through
 * whatever it writes in the envelope, and an allowed client reaches only the configured next hop, with
 * exactly the envelope it gave. The plain refusal at connect is in {@link ClientAccessTest}; this test
 * adds the address tricks that open relays were caught by.
 */
class OpenRelayTest {

    /** Only this address is allowed; 127.0.0.2 (same loopback, another address) plays the outsider. */
    private static final String ALLOWED = "127.0.0.1";
    private static final String OUTSIDER = "127.0.0.2";

    @TempDir
    Path data;

    private CapturingNextHop nextHop;
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        nextHop = new CapturingNextHop();
        gateway = TestGateway.startGateway(data, nextHop.port(), "smtp:\n  listen: 127.0.0.1:0\n  hostname: relay.test\n"
                + "  spool-directory: " + data.resolve("spool") + "\n  allowed-networks: [" + ALLOWED + "/32]\n");
    }

    @AfterEach
    void stop() {
        gateway.close();
        nextHop.close();
    }

    @ParameterizedTest(name = "RCPT TO:{0}")
    @ValueSource(strings = {"<jan@gemeente.example>", "<user%evil.example@gemeente.example>",
            "<user%evil.example@[127.0.0.1]>", "<@gemeente.example,@relay.test:user@evil.example>",
            "<\"user@evil.example\"@gemeente.example>", "<user@[192.0.2.1]>", "<user@[IPv6:2001:db8::1]>",
            "<user@evil.example.>", "<USER@EVIL.EXAMPLE>", "<user@g\u0435meente.example>",
            "<user@gemeente\uff0eexample>", "user@evil.example"})
    void refusesAClientOutsideTheAllowedNetworksWhateverTheRecipientTrick(String recipient) throws Exception {
        List<String> replies = new ArrayList<>();
        try (SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort(), InetAddress.getByName(OUTSIDER))) {
            // the whole transaction at once, as a spammer's pipelining client sends it without waiting
            client.sendBytes(("EHLO outsider.example\r\nMAIL FROM:<alice@gemeente.example>\r\nRCPT TO:" + recipient
                    + "\r\nDATA\r\n" + Messages.dataOf(Messages.simple("alice@gemeente.example", "user@evil.example",
                    "Relay?", "Stuur dit door.")) + "QUIT\r\n").getBytes(StandardCharsets.UTF_8));
            readUntilClosed(client, replies);
        }
        assertThat(replies).first().isEqualTo("554 5.7.1 Relay access denied");
        assertThat(replies).as("nothing accepted").noneMatch(r -> r.startsWith("250") || r.startsWith("354"));
        assertThat(nextHop.received()).isEmpty();
    }

    @Test
    void refusesAClientOutsideTheAllowedNetworksEvenWithARecipientOfTheOwnDomain() throws Exception {
        try (SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort(), InetAddress.getByName(OUTSIDER))) {
            assertThat(client.reply()).isEqualTo("554 5.7.1 Relay access denied");
            assertThat(client.isClosedByServer()).isTrue();
        }
        assertThat(nextHop.received()).isEmpty();
    }

    @ParameterizedTest(name = "RCPT TO:{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "<user%evil.example@gemeente.example>|user%evil.example@gemeente.example",
            "<user%evil.example@[127.0.0.1]>|user%evil.example@[127.0.0.1]",
            "<@gemeente.example,@relay.test:user@evil.example>|user@evil.example",
            "<\"user@evil.example\"@gemeente.example>|\"user@evil.example\"@gemeente.example",
            "<user@[192.0.2.1]>|user@[192.0.2.1]",
            "<user@[127.0.0.1]>|user@[127.0.0.1]",
            "<user@evil.example.>|user@evil.example",
            "<USER@EVIL.EXAMPLE>|USER@EVIL.EXAMPLE",
    })
    void passesAnAllowedClientsRecipientToTheConfiguredNextHopExactlyAsTheEnvelopeSaysIt(String recipient,
                                                                                          String atNextHop)
            throws Exception {
        try (SmtpTestClient client = allowedClient()) {
            assertThat(client.command("MAIL FROM:<alice@gemeente.example>")).startsWith("250");
            assertThat(client.command("RCPT TO:" + recipient)).startsWith("250");
            assertThat(client.command("DATA")).startsWith("354");
            client.send(Messages.dataOf(Messages.simple("alice@gemeente.example", "user@evil.example", "Hallo",
                    "Gewoon een bericht.")));
            assertThat(client.reply()).startsWith("250");
        }
        // the one next hop got it, addressed as written: no percent hack resolved, no source route or IP
        // literal followed, nothing rewritten into another host (the relay has no other route to take)
        assertThat(nextHop.received()).singleElement().satisfies(r -> {
            assertThat(r.recipients()).containsExactly(atNextHop);
            assertThat(r.sender()).isEqualTo("alice@gemeente.example");
        });
    }

    @ParameterizedTest(name = "RCPT TO:{0}")
    @CsvSource(delimiter = '|', value = {
            // a Cyrillic e: a look-alike of the own domain is 8-bit, and SMTPUTF8 is not offered
            "<user@g\u0435meente.example>|553 5.6.7 Non-ASCII address requires SMTPUTF8",
            // a full-width dot, which some software folds into "."
            "<user@gemeente\uff0eexample>|501 5.1.3 Bad recipient address syntax",
            "<user@evil.example@gemeente.example>|501 5.1.3 Bad recipient address syntax",
            "<user@evil.example>@gemeente.example|501 5.1.3 Bad recipient address syntax",
            "<user@evil.example..>|501 5.1.3 Bad recipient address syntax",
    })
    void refusesAnAllowedClientsLookAlikeOrAmbiguousRecipientAndForwardsNothing(String recipient, String reply)
            throws Exception {
        try (SmtpTestClient client = allowedClient()) {
            assertThat(client.command("MAIL FROM:<alice@gemeente.example>")).startsWith("250");
            client.sendBytes(("RCPT TO:" + recipient + "\r\n").getBytes(StandardCharsets.UTF_8));
            assertThat(client.reply()).isEqualTo(reply);
            assertThat(client.command("DATA")).isEqualTo("554 5.5.1 No valid recipients");
        }
        assertThat(nextHop.received()).isEmpty();
    }

    private SmtpTestClient allowedClient() throws Exception {
        SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort(), InetAddress.getByName(ALLOWED));
        assertThat(client.reply()).startsWith("220");
        assertThat(client.command("EHLO client.test")).startsWith("250");
        return client;
    }

    private static void readUntilClosed(SmtpTestClient client, List<String> replies) {
        try {
            for (String reply = client.reply(); !reply.equals("<closed>"); reply = client.reply()) {
                replies.add(reply);
            }
        } catch (java.io.IOException reset) {
            // the server closed while our pipelined commands were still unread: a reset is a close too
        }
    }
}

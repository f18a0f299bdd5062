package nl.lekwacht.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.Messages;
import nl.lekwacht.support.SmtpTestClient;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One abusive client address (127.0.0.1) throws garbage, overlong lines, thousands of recipients,
 * slow sessions and a connection flood at the gateway, up to its limits, while a well-behaved client
 * on another address (127.0.0.2) keeps getting its mail relayed. Nothing the abuser sends is ever
 * answered 250 unless it arrived whole, and nothing of it reaches the next hop unless it did.
 * The limits are small so the test stays short; the shape is the production one (per-client limit
 * well below the total).
 */
class AbuseTest {

    private static final String ABUSER = "127.0.0.1";
    private static final String GOOD = "127.0.0.2";
    private static final int PER_CLIENT = 60;
    private static final int MAX_RECIPIENTS = 50;
    private static final int SLOW_SESSIONS = 50;

    @TempDir
    Path data;

    private CapturingNextHop nextHop;
    private Gateway gateway;
    private final List<SmtpTestClient> held = new ArrayList<>();
    private int goodSent;

    @BeforeEach
    void start() throws Exception {
        nextHop = new CapturingNextHop();
        // idle and session timeouts far beyond the test's own run, so the held sessions stay held
        gateway = TestGateway.startGateway(data, nextHop.port(), "smtp:\n  listen: 127.0.0.1:0\n  hostname: relay.test\n"
                + "  spool-directory: " + data.resolve("spool") + "\n  max-connections: 80\n"
                + "  max-connections-per-client: " + PER_CLIENT + "\n  max-recipients: " + MAX_RECIPIENTS + "\n"
                + "  idle-timeout: 10m\n  session-timeout: 30m\n");
    }

    @AfterEach
    void stop() throws IOException {
        for (SmtpTestClient client : held) {
            client.close();
        }
        gateway.close();
        nextHop.close();
    }

    @Test
    void keepsRelayingAWellBehavedClientWhileAnotherAddressAbusesEveryLimit() throws Exception {
        relayGoodMessage();

        // 50 slowloris sessions: each stops in the middle of a command line or of a message
        List<SmtpTestClient> slow = new ArrayList<>();
        List<SmtpTestClient> slowInData = new ArrayList<>();
        for (int i = 0; i < SLOW_SESSIONS; i++) {
            SmtpTestClient client = abuser();
            assertThat(client.reply()).startsWith("220");
            if (i % 2 == 0) {
                client.send("EHLO slow" + i);
            } else {
                assertThat(client.command("EHLO slow" + i)).startsWith("250");
                assertThat(client.command("MAIL FROM:<slow" + i + "@gemeente.example>")).startsWith("250");
                assertThat(client.command("RCPT TO:<slow" + i + "@extern.example>")).startsWith("250");
                assertThat(client.command("DATA")).startsWith("354");
                client.send("Subject: slow " + i + "\r\n\r\nbegin");
                slowInData.add(client);
            }
            slow.add(client);
            held.add(client);
        }
        relayGoodMessage();

        pipelinedGarbageIsRefusedAndNeverRelayed();
        relayGoodMessage();

        tenThousandCharacterLinesAreRefused();
        relayGoodMessage();

        tenThousandRecipientsGetTheLimitAnswers();
        relayGoodMessage();

        // the half-open flood: silent connections up to the per-client limit, then more than it allows. Each
        // waits for its greeting, which the server sends only once it has counted the session. A session of
        // the steps above may still be ending on the server's side and free its slot late, so a 220 in the
        // flood is taken as one more silent session; what must hold is that the address never has more than
        // the limit at once.
        int abuserSessions = SLOW_SESSIONS;
        int turnedAway = 0;
        for (int i = 0; i < PER_CLIENT + 20; i++) {
            SmtpTestClient flood = abuser();
            String greeting = flood.reply();
            if (greeting.startsWith("220")) {
                held.add(flood);
                abuserSessions++;
            } else {
                assertThat(greeting).isEqualTo("421 4.7.0 Too many connections from your address");
                flood.close();
                turnedAway++;
            }
            assertThat(abuserSessions).as("sessions of one address").isLessThanOrEqualTo(PER_CLIENT);
        }
        assertThat(turnedAway).as("connections over the per-client limit").isGreaterThanOrEqualTo(20);
        for (int i = 0; i < 20; i++) {
            abuser().close(); // connect and go at once, without reading anything
        }
        relayGoodMessage();

        // the slow sessions dribble on (one byte per good message, no clock involved) and are never answered 250
        for (int round = 0; round < 3; round++) {
            for (SmtpTestClient client : slow) {
                client.send("x");
            }
            relayGoodMessage();
        }
        assertThat(nextHop.received()).as("only whole messages: the good client's and the one with a long line")
                .allSatisfy(r -> assertThat(r.sender()).isIn("good@gemeente.example", "long@gemeente.example"))
                .filteredOn(r -> r.sender().startsWith("good")).hasSize(goodSent);

        // a slow message that never ends (the client goes) is never relayed or answered 250
        for (SmtpTestClient client : slowInData) {
            client.halfClose();
            String reply = readReply(client);
            assertThat(reply).doesNotStartWith("250").doesNotStartWith("354");
        }
        assertThat(nextHop.received()).filteredOn(r -> r.sender().startsWith("slow")).isEmpty();
    }

    private void pipelinedGarbageIsRefusedAndNeverRelayed() throws Exception {
        try (SmtpTestClient client = abuser()) {
            assertThat(client.reply()).startsWith("220");
            byte[] binary = new byte[4096];
            new Random(16).nextBytes(binary);
            writeAsync(client, binary).get(60, TimeUnit.SECONDS);
            // not UTF-8: SubEthaSMTP refuses the line and drops the connection
            assertThat(readAll(client)).allMatch(r -> r.startsWith("5"));
        }
        Random random = new Random(16);
        StringBuilder garbage = new StringBuilder("EHLO garbage\r\n");
        for (int i = 0; i < 200; i++) {
            char[] line = new char[random.nextInt(60)];
            for (int c = 0; c < line.length; c++) {
                line[c] = (char) (' ' + random.nextInt(95)); // printable ASCII, so the session goes on
            }
            garbage.append(line).append("\r\n");
        }
        // then a transaction whose message is cut off: the client goes before the final dot
        garbage.append("MAIL FROM:<garbage@gemeente.example>\r\nRCPT TO:<victim@extern.example>\r\nDATA\r\n")
                .append("Subject: cut\r\n\r\nno end\r\n.x\r\n");
        try (SmtpTestClient client = abuser()) {
            assertThat(client.reply()).startsWith("220");
            CompletableFuture<Void> writing = writeAsync(client, garbage.toString().getBytes(StandardCharsets.ISO_8859_1));
            writing.get(60, TimeUnit.SECONDS);
            client.halfClose();
            List<String> replies = readAll(client);
            int data = replies.indexOf(replies.stream().filter(r -> r.startsWith("354")).findFirst().orElse(""));
            assertThat(data < 0 ? List.<String>of() : replies.subList(data + 1, replies.size()))
                    .as("a message cut off before its final dot is never answered 250").noneMatch(r -> r.startsWith("250"));
            System.out.printf("pipelined garbage: %d replies, the last %s%n", replies.size(),
                    replies.isEmpty() ? "none" : replies.get(replies.size() - 1));
        }
        assertThat(nextHop.received()).noneMatch(r -> r.sender().startsWith("garbage"));
    }

    private void tenThousandCharacterLinesAreRefused() throws Exception {
        try (SmtpTestClient client = abuser()) {
            assertThat(client.reply()).startsWith("220");
            assertThat(client.command("EHLO " + "x".repeat(10_000))).startsWith("501 ");
            assertThat(client.isClosedByServer()).isTrue();
        }
        try (SmtpTestClient client = abuser()) {
            assertThat(client.reply()).startsWith("220");
            assertThat(client.command("EHLO long.example")).startsWith("250");
            assertThat(client.command("MAIL FROM:<long@gemeente.example>")).startsWith("250");
            assertThat(client.command("RCPT TO:<" + "r".repeat(10_000) + "@extern.example>")).startsWith("5");
        }
        try (SmtpTestClient client = abuser()) {
            assertThat(client.reply()).startsWith("220");
            assertThat(client.command("EHLO long.example")).startsWith("250");
            assertThat(client.command("MAIL FROM:<long@gemeente.example>")).startsWith("250");
            assertThat(client.command("RCPT TO:<long@extern.example>")).startsWith("250");
            assertThat(client.command("DATA")).startsWith("354");
            String line = "L".repeat(10_000);
            client.send(Messages.dataOf(Messages.simple("long@gemeente.example", "long@extern.example", "Lang",
                    line)));
            String reply = client.reply();
            if (reply.startsWith("250")) {
                // taken: then it went on whole, that line included, as received
                assertThat(nextHop.received()).anySatisfy(r -> assertThat(new String(r.data(),
                        StandardCharsets.US_ASCII)).contains(line));
            } else {
                assertThat(reply).startsWith("5");
                assertThat(nextHop.received()).noneMatch(r -> r.sender().startsWith("long"));
            }
        }
    }

    private void tenThousandRecipientsGetTheLimitAnswers() throws Exception {
        StringBuilder commands = new StringBuilder("EHLO many.example\r\nMAIL FROM:<many@gemeente.example>\r\n");
        for (int i = 0; i < 10_000; i++) {
            commands.append("RCPT TO:<r").append(i).append("@extern.example>\r\n");
        }
        commands.append("DATA\r\n").append(Messages.dataOf(Messages.simple("many@gemeente.example",
                "r0@extern.example", "Veel", "x"))).append("QUIT\r\n");
        int accepted = 0;
        int tooMany = 0;
        List<String> rest = new ArrayList<>();
        try (SmtpTestClient client = abuser()) {
            assertThat(client.reply()).startsWith("220");
            // written while the replies are read: neither side's buffers can fill up and stop the other
            CompletableFuture<Void> writing = writeAsync(client, commands.toString().getBytes(StandardCharsets.US_ASCII));
            assertThat(client.reply()).startsWith("250"); // EHLO
            assertThat(client.reply()).startsWith("250"); // MAIL
            for (int i = 0; i < 10_000; i++) {
                String reply = client.reply();
                if (reply.startsWith("250")) {
                    accepted++;
                } else if (reply.startsWith("452 4.5.3")) {
                    tooMany++;
                } else {
                    rest.add(reply);
                    break;
                }
            }
            rest.addAll(readAll(client));
            writing.handle((v, e) -> null).get(60, TimeUnit.SECONDS);
        }
        assertThat(accepted).isEqualTo(MAX_RECIPIENTS);
        // the command budget (10,000 per session) may end the session before the last RCPTs
        assertThat(accepted + tooMany).isGreaterThanOrEqualTo(9_990);
        System.out.printf("10,000 RCPTs: %d accepted, %d answered 452, then %s%n", accepted, tooMany,
                rest.stream().limit(3).toList());
        assertThat(nextHop.received()).as("relayed only to the first " + MAX_RECIPIENTS)
                .filteredOn(r -> r.sender().startsWith("many"))
                .allSatisfy(r -> assertThat(r.recipients()).hasSize(MAX_RECIPIENTS));
    }

    /** Sends one message from the well-behaved address and checks that the next hop has it. */
    private void relayGoodMessage() throws Exception {
        goodSent++;
        String subject = "Goed " + goodSent;
        long start = System.nanoTime();
        try (SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort(), InetAddress.getByName(GOOD))) {
            assertThat(client.reply()).startsWith("220");
            assertThat(client.command("EHLO good.example")).startsWith("250");
            assertThat(client.command("MAIL FROM:<good@gemeente.example>")).startsWith("250");
            assertThat(client.command("RCPT TO:<bob@extern.example>")).startsWith("250");
            assertThat(client.command("DATA")).startsWith("354");
            client.send(Messages.dataOf(Messages.simple("good@gemeente.example", "bob@extern.example", subject,
                    "Een gewoon bericht.")));
            assertThat(client.reply()).startsWith("250");
            assertThat(client.command("QUIT")).startsWith("221");
        }
        System.out.printf("well-behaved message %d relayed in %d ms%n", goodSent,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        assertThat(nextHop.received()).anySatisfy(r -> assertThat(r.subject()).isEqualTo(subject));
    }

    private SmtpTestClient abuser() throws IOException {
        return new SmtpTestClient("127.0.0.1", gateway.smtpPort(), InetAddress.getByName(ABUSER));
    }

    private static CompletableFuture<Void> writeAsync(SmtpTestClient client, byte[] bytes) {
        return CompletableFuture.runAsync(() -> {
            try {
                client.sendBytes(bytes);
            } catch (IOException closedByServer) {
                // the server may close before reading it all; what it answered is what counts
            }
        });
    }

    /** Every reply until the server closes the connection (a reset counts as a close). */
    private static List<String> readAll(SmtpTestClient client) {
        List<String> replies = new ArrayList<>();
        try {
            for (String reply = client.reply(); !reply.equals("<closed>"); reply = client.reply()) {
                replies.add(reply);
            }
        } catch (IOException reset) {
            // closed
        }
        return replies;
    }

    private static String readReply(SmtpTestClient client) {
        try {
            return client.reply();
        } catch (IOException reset) {
            return "<closed>";
        }
    }
}

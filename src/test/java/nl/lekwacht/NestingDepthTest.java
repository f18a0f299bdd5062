package nl.lekwacht;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.lekwacht.support.Bsns;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.Messages;
import nl.lekwacht.support.SmtpTestClient;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan} and the relay decide the same for the same bytes, however deeply the multiparts nest:
 * under, at and over the nesting limit, and far beyond it.
 */
class NestingDepthTest {

    private static final String SENDER = "alice@gemeente.example";
    private static final String RECIPIENT = "jan@example.org";

    @TempDir
    Path data;

    private CapturingNextHop nextHop;
    private Gateway relay;

    /** A next hop that keeps the bytes without parsing them (a MIME parser downstream has its own limits). */
    @BeforeEach
    void start() throws Exception {
        nextHop = new CapturingNextHop();
        relay = TestGateway.startGateway(data, nextHop.port(), "");
    }

    @AfterEach
    void stop() {
        relay.close();
        nextHop.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 49, 50, 51, 2000})
    void scanAndRelayDecideTheSameAtEveryNestingDepth(int depth) throws Exception {
        String message = nested(depth);

        String scanned = scan(message);
        String relayed = relay(message);

        System.out.printf("depth %d: scan %s, relay %s%n", depth, scanned, relayed);
        assertThat(relayed).isEqualTo(scanned);
        if (depth < 50) {
            assertThat(scanned).isEqualTo("HOLD");
        }
    }

    /** A BSN in the innermost of {@code depth} nested multiparts, and a clean text beside each level. */
    private static String nested(int depth) {
        StringBuilder open = new StringBuilder("From: <" + SENDER + ">\r\nTo: <" + RECIPIENT + ">\r\n"
                + "Subject: diep\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n");
        List<String> closes = new ArrayList<>();
        for (int level = 0; level < depth; level++) {
            String boundary = "b" + level;
            open.append("--").append(boundary).append("\r\nContent-Type: text/plain\r\n\r\nniveau ").append(level)
                    .append("\r\n");
            open.append("--").append(boundary).append("\r\n");
            if (level < depth - 1) {
                open.append("Content-Type: multipart/mixed; boundary=b").append(level + 1).append("\r\n\r\n");
            }
            closes.add(0, "--" + boundary + "--\r\n");
        }
        open.append("Content-Type: text/plain\r\n\r\nBSN van de aanvrager: ").append(Bsns.valid(7)).append("\r\n");
        closes.forEach(open::append);
        return open.toString();
    }

    private String scan(String message) throws Exception {
        Path eml = data.resolve("nested.eml");
        Files.writeString(eml, message);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        synchronized (NestingDepthTest.class) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                Main.execute("scan", eml.toString(), "--json", "--config", data.resolve("none.yml").toString());
            } finally {
                System.setOut(original);
            }
        }
        JsonNode json = new ObjectMapper().readTree(captured.toString(StandardCharsets.UTF_8));
        return json.get("verdict").asText();
    }

    private String relay(String message) throws Exception {
        try (SmtpTestClient client = new SmtpTestClient("127.0.0.1", relay.smtpPort())) {
            client.reply();
            client.command("EHLO client.test");
            assertThat(client.command("MAIL FROM:<" + SENDER + ">")).startsWith("250");
            assertThat(client.command("RCPT TO:<" + RECIPIENT + ">")).startsWith("250");
            assertThat(client.command("DATA")).startsWith("354");
            client.send(Messages.dataOf(message));
            String reply = client.reply();
            if (reply.startsWith("550")) {
                return "REJECT";
            }
            if (reply.contains("Held for sender confirmation")) {
                return "HOLD";
            }
            assertThat(reply).startsWith("250");
            return "DELIVER";
        }
    }
}

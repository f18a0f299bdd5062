package nl.lekwacht.message.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ChildGateway;
import nl.lekwacht.support.SmtpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole gateway, started with a 256 MB heap, takes a message at the 50 MB limit over SMTP,
 * inspects it (attachment text included) and relays it: the message is streamed through the spool,
 * never held whole in memory.
 */
class FiftyMegabytesThroughTheGatewayTest {

    @TempDir
    Path data;

    @Test
    void gatewayWith256MegabyteHeapInspectsAndRelaysAMessageAtTheSizeLimit() throws Exception {
        Path eml = data.resolve("groot.eml");
        LargeMessageMemoryTest.writeMessage(eml);
        long size = Files.size(eml);
        int smtpPort = freePort();
        try (CapturingNextHop nextHop = new CapturingNextHop()) {
            Path config = data.resolve("lekwacht.yml");
            Files.writeString(config, "smtp:\n  listen: 127.0.0.1:" + smtpPort + "\n  max-message-size: 50MB\n"
                    + "  spool-directory: " + data.resolve("spool") + "\n"
                    + "downstream:\n  host: 127.0.0.1\n  port: " + nextHop.port() + "\n  data-timeout: 5m\n"
                    + "organisation:\n  internal-domains: [gemeente.example]\n"
                    + "web:\n  listen: 127.0.0.1:" + freePort() + "\n"
                    + "hold:\n  link-secret: \"a-link-secret-of-at-least-thirty-two-characters\"\n"
                    + "  encryption-key: \"MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=\"\n"
                    + "store:\n  url: jdbc:h2:file:" + data.resolve("store").toAbsolutePath() + "\n");
            try (ChildGateway gateway = ChildGateway.start(config, data.resolve("gateway.log"), "-Xmx256m")) {
                gateway.awaitListening(2);
                String reply;
                try (SmtpTestClient client = new SmtpTestClient("127.0.0.1", smtpPort);
                     InputStream message = Files.newInputStream(eml)) {
                    client.readTimeout(Duration.ofMinutes(5));
                    client.reply();
                    client.command("EHLO client.test");
                    assertThat(client.command("MAIL FROM:<medewerker@gemeente.example> SIZE=" + size)).startsWith("250");
                    assertThat(client.command("RCPT TO:<burger@example.org>")).startsWith("250");
                    assertThat(client.command("DATA")).startsWith("354");
                    byte[] chunk = new byte[1 << 20];
                    int n;
                    while ((n = message.read(chunk)) > 0) {
                        client.sendBytes(java.util.Arrays.copyOf(chunk, n));
                    }
                    client.send(".\r\n");
                    reply = client.reply();
                }
                String printed = gateway.log();
                printed.lines().filter(l -> l.contains("queue=")).forEach(System.out::println);
                assertThat(reply).as(printed).startsWith("250");
                assertThat(gateway.process().isAlive()).as(printed).isTrue();
                assertThat(printed).doesNotContain("OutOfMemoryError");
                if (!reply.contains("Held")) {
                    assertThat(nextHop.received()).hasSize(1);
                    assertThat(nextHop.received().get(0).data().length).isGreaterThan((int) size);
                }
            }
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

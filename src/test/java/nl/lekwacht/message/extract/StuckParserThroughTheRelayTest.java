package nl.lekwacht.message.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.Messages;
import nl.lekwacht.support.SmtpTestClient;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parse that never ends holds up only its own message: a clean message is relayed meanwhile, and
 * the stuck one goes out marked uninspectable once the extraction budget is spent (the parser
 * process is killed; see ExtractionBudgetTest for the process itself). The parser tells the test when
 * it began, and the gateway's notices wait for the test, so nothing here depends on timing.
 */
class StuckParserThroughTheRelayTest {

    @TempDir
    Path data;

    @Test
    void relaysACleanMessageWhileAnotherMessagesParserHangs() throws Exception {
        ManualScheduler background = new ManualScheduler();
        try (CapturingNextHop nextHop = new CapturingNextHop();
             ServerSocket parseBegan = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Gateway gateway = TestGateway.startGateway(data, nextHop.port(),
                     "detectors:\n  extraction:\n    timeout: 60s\n    pool-size: 2\n    prestart: true\n",
                     background)) {
            CompletableFuture<String> stuck = CompletableFuture.supplyAsync(() ->
                    send(gateway, "vastloper.bin", NeverEndingParser.signalling(parseBegan.getLocalPort())));
            parseBegan.setSoTimeout(120_000); // a hang detector, not a timing assertion
            try (Socket signal = parseBegan.accept()) {
                // the stuck message is in its parser now
            }
            String clean = send(gateway, "lijst.csv", "Naam;Plaats\nJan;Utrecht\n".getBytes(StandardCharsets.UTF_8));

            assertThat(clean).startsWith("250");
            assertThat(stuck).as("the stuck message is still being inspected").isNotDone();
            assertThat(stuck.get(2, TimeUnit.MINUTES)).startsWith("250");
            assertThat(nextHop.received()).hasSize(2);
            String stuckRelayed = nextHop.received().stream().map(r -> new String(r.data(), StandardCharsets.UTF_8))
                    .filter(raw -> raw.contains("vastloper.bin")).findFirst().orElseThrow();
            assertThat(stuckRelayed).contains("X-Lekwacht: DELIVER; UNINSPECTABLE_ATTACHMENT");
            background.runQueued(); // only now the sender's report notice about the stuck one goes out
            assertThat(nextHop.received()).hasSize(3);
            assertThat(nextHop.received().get(2).recipients()).containsExactly("medewerker@gemeente.example");
        }
    }

    private static String send(Gateway gateway, String fileName, byte[] content) {
        String message = "From: <medewerker@gemeente.example>\r\nTo: <jan@example.org>\r\nSubject: " + fileName
                + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nZie bijlage.\r\n"
                + "--b\r\nContent-Type: application/octet-stream; name=\"" + fileName + "\"\r\n"
                + "Content-Disposition: attachment; filename=\"" + fileName + "\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(content) + "\r\n--b--\r\n";
        try (SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort())) {
            client.readTimeout(java.time.Duration.ofMinutes(2));
            client.reply();
            client.command("EHLO client.test");
            client.command("MAIL FROM:<medewerker@gemeente.example>");
            client.command("RCPT TO:<jan@example.org>");
            client.command("DATA");
            client.send(Messages.dataOf(message));
            return client.reply();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

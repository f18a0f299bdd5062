package nl.lekwacht.hold;

import static nl.lekwacht.hold.HoldFixture.SENDER;
import static nl.lekwacht.hold.HoldFixture.to;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.MovableClock;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Release through the durable queue: refusals become a DSN, an unreachable next hop is retried. */
class HoldReleaseTest {

    private static final String BOB = "bob@extern.example";
    private static final String CAROL = "carol@extern.example";

    @TempDir
    Path data;

    private final HoldFixture web = HoldFixture.create();
    private final ManualScheduler background = new ManualScheduler();

    @Test
    void recipientRefusedAtReleaseGetsTheSenderADeliveryStatusNotification() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop();
             Gateway gateway = TestGateway.startGateway(data, nextHop.port(), HoldFixture.HOLD_YAML, background)) {
            String ref = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, List.of(BOB, CAROL),
                    HoldFixture.bsnMessage("Weigering", List.of(BOB, CAROL), 21)));
            HoldFixture.Link link = HoldFixture.notification(background, nextHop, SENDER, ref);
            nextHop.refuseRecipients(Set.of(CAROL));
            assertThat(web.act(gateway.webPort(), link.token(), "send", "grondslag").statusCode()).isEqualTo(200);
            background.runQueued(); // the release, then the DSN it queued
            assertThat(to(nextHop, BOB)).as("delivered to bob").isNotEmpty();
            CapturingNextHop.Received dsn = to(nextHop, SENDER).stream()
                    .filter(r -> HoldFixture.text(r).contains("report-type=delivery-status")).findFirst().orElseThrow();
            assertThat(dsn.sender()).as("null reverse path").isEmpty();
            String text = HoldFixture.text(dsn);
            assertThat(text).contains("multipart/report").contains("message/delivery-status")
                    .contains("Final-Recipient: rfc822; " + CAROL).contains("Action: failed")
                    .contains("Status: 5.1.1").contains("text/rfc822-headers").contains("Subject: Weigering")
                    .doesNotContain(HoldFixture.bsn(21));
            assertThat(to(nextHop, BOB)).hasSize(1);
            assertThat(to(nextHop, CAROL)).isEmpty();
        }
    }

    @Test
    void releaseQueuedWhileTheNextHopIsDownIsDeliveredOnceItIsBack() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail first = new GreenMail(setup);
        first.start();
        MovableClock clock = new MovableClock();
        try (Gateway gateway = TestGateway.startGateway(data, port, HoldFixture.HOLD_YAML, clock, background)) {
            String ref = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, List.of(BOB),
                    HoldFixture.bsnMessage("Later", List.of(BOB), 22)));
            background.runQueued();
            assertThat(first.getReceivedMessages()).as("notification").anyMatch(m -> body(m).contains(ref));
            String token = tokenOf(first.getReceivedMessages());
            first.stop();

            assertThat(web.act(gateway.webPort(), token, "send", "grondslag").statusCode()).isEqualTo(200);
            background.runQueued(); // the first attempt finds the next hop down: retried after delivery-retry
            GreenMail back = new GreenMail(setup);
            back.start();
            try {
                background.runRound(ManualScheduler.HOLD_LOOP);
                assertThat(back.getReceivedMessages()).as("not retried before its time").isEmpty();
                clock.advance(Duration.ofSeconds(2));
                background.runRound(ManualScheduler.HOLD_LOOP);
                assertThat(back.getReceivedMessages()).as("delivered once the next hop is back").hasSize(1);
                clock.advance(Duration.ofMinutes(5));
                background.runRound(ManualScheduler.HOLD_LOOP);
                assertThat(back.getReceivedMessages()).as("delivered once").hasSize(1);
                assertThat(raw(back.getReceivedMessages()[0])).contains("X-Lekwacht: HOLD; BSN");
            } finally {
                back.stop();
            }
        } finally {
            first.stop();
        }
    }

    private static String raw(MimeMessage m) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            m.writeTo(out);
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String body(MimeMessage m) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            m.writeTo(out);
            return HoldFixture.decoded(new CapturingNextHop.Received("", List.of(), out.toByteArray()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String tokenOf(MimeMessage[] messages) {
        for (MimeMessage m : messages) {
            java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("/h/([A-Za-z0-9_-]{43})").matcher(body(m));
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("no link in the notification");
    }
}

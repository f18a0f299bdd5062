package nl.lekwacht.hold;

import static nl.lekwacht.hold.HoldFixture.SENDER;
import static nl.lekwacht.hold.HoldFixture.to;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.MovableClock;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code delay} action ("undo send" at the gateway): the sender gets the notice and link, and the
 * message leaves by itself after {@code hold.delay} unless stopped; it survives a restart. Time is the
 * test's clock, the hold loop runs when the test says so.
 */
class DelayThroughRelayTest {

    private static final List<String> LIST = List.of("p1.test@gmail.com", "p2.test@hotmail.com", "p3.test@ziggo.nl");
    private static final String YAML = HoldFixture.HOLD_YAML + "  delay: 3m\n  time-zone: UTC\n"
            + "policy:\n  VISIBLE_RECIPIENTS: delay\n";
    private static final String MESSAGE = "From: Alice <" + SENDER + ">\r\n"
            + "To: p1.test@gmail.com, p2.test@hotmail.com, p3.test@ziggo.nl\r\n"
            + "Subject: Uitnodiging\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "Welkom op de informatieavond.\r\n";

    @TempDir
    Path data;

    private final ManualScheduler background = new ManualScheduler();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T09:10:00Z"));
    private final HoldFixture web = HoldFixture.create();

    @Test
    void delayedMessageLeavesByItselfAfterTheDelayAndSurvivesARestart() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop()) {
            String ref;
            HoldFixture.Link link;
            try (Gateway gateway = TestGateway.startGateway(data, nextHop.port(), YAML, clock, background)) {
                String reply = HoldFixture.send(gateway.smtpPort(), SENDER, LIST, MESSAGE);
                ref = delayedReference(reply, "09:13");
                link = HoldFixture.notification(background, nextHop, SENDER, ref);
                assertThat(HoldFixture.decoded(link.notification())).contains("Wordt zo verzonden")
                        .contains("verzonden om");
                assertThat(web.get(gateway.webPort(), link.token()).body()).contains("Uw bericht wordt zo verzonden");
                clock.advance(Duration.ofMinutes(2));
                background.runRound(ManualScheduler.HOLD_LOOP);
                assertThat(to(nextHop, "p1.test@gmail.com")).as("not before its time").isEmpty();
            }
            try (Gateway restarted = TestGateway.startGateway(data, nextHop.port(), YAML, clock, background)) {
                clock.advance(Duration.ofMinutes(1));
                background.runQueued();
                background.runRound(ManualScheduler.HOLD_LOOP);
                background.runQueued();
                assertThat(to(nextHop, "p1.test@gmail.com")).as("left by itself, after a restart").hasSize(1);
                CapturingNextHop.Received got = to(nextHop, "p1.test@gmail.com").get(0);
                assertThat(got.recipients()).containsExactlyElementsOf(LIST);
                String text = HoldFixture.text(got);
                assertThat(text).contains("X-Lekwacht: DELAY; VISIBLE_RECIPIENTS\r\n").endsWith(MESSAGE);
                assertThat(web.get(restarted.webPort(), link.token()).body()).as("the link stays valid")
                        .contains("na de wachttijd verzonden");
                background.runRound(ManualScheduler.HOLD_LOOP);
                assertThat(to(nextHop, "p1.test@gmail.com")).as("once").hasSize(1);
            }
        }
    }

    @Test
    void stoppedDelayedMessageNeverLeaves() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop();
             Gateway gateway = TestGateway.startGateway(data, nextHop.port(), YAML, clock, background)) {
            String ref = delayedReference(HoldFixture.send(gateway.smtpPort(), SENDER, LIST, MESSAGE), "09:13");
            HoldFixture.Link link = HoldFixture.notification(background, nextHop, SENDER, ref);
            assertThat(web.act(gateway.webPort(), link.token(), "cancel", null).statusCode()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(10));
            background.runQueued();
            background.runRound(ManualScheduler.HOLD_LOOP);
            assertThat(to(nextHop, "p1.test@gmail.com")).isEmpty();
        }
    }

    @Test
    void fixedDelayedMessageLeavesAtOnceAsFixed() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop();
             Gateway gateway = TestGateway.startGateway(data, nextHop.port(), YAML, clock, background)) {
            String ref = delayedReference(HoldFixture.send(gateway.smtpPort(), SENDER, LIST, MESSAGE), "09:13");
            HoldFixture.Link link = HoldFixture.notification(background, nextHop, SENDER, ref);
            assertThat(web.act(gateway.webPort(), link.token(), "send-bcc", null).statusCode()).isEqualTo(200);
            background.runQueued();
            assertThat(to(nextHop, "p1.test@gmail.com")).hasSize(1);
            assertThat(HoldFixture.text(to(nextHop, "p1.test@gmail.com").get(0)))
                    .contains("To: undisclosed-recipients:;\r\n");
            clock.advance(Duration.ofMinutes(10));
            background.runRound(ManualScheduler.HOLD_LOOP);
            background.runQueued();
            assertThat(to(nextHop, "p1.test@gmail.com")).as("not again when the delay is over").hasSize(1);
        }
    }

    private static String delayedReference(String reply, String until) {
        Matcher m = Pattern.compile("^250 2\\.6\\.0 Delayed until (\\d\\d:\\d\\d) \\(ref ([A-Z0-9]+)\\)").matcher(reply);
        assertThat(m.find()).as("delayed reply: " + reply).isTrue();
        assertThat(m.group(1)).isEqualTo(until);
        return m.group(2);
    }
}

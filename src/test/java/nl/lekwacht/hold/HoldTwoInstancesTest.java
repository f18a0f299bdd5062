package nl.lekwacht.hold;

import static nl.lekwacht.hold.HoldFixture.SENDER;
import static nl.lekwacht.hold.HoldFixture.to;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.MovableClock;
import nl.lekwacht.support.PostgresSchema;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateways on one PostgreSQL: a link from A's notification works on B (page on A, action on B),
 * and the released message is delivered once although both instances work the queue.
 */
class HoldTwoInstancesTest {

    private static final String BOB = "bob@extern.example";

    @TempDir
    Path data;

    @Test
    void linkFromANotificationWorksOnBAndTheReleaseIsDeliveredOnce() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create(); CapturingNextHop nextHop = new CapturingNextHop()) {
            String yaml = HoldFixture.HOLD_YAML + "store:\n  url: \"" + schema.url() + "\"\n  instances: 2\n";
            ManualScheduler background = new ManualScheduler(); // runs both instances' loops
            try (Gateway a = TestGateway.startGateway(data.resolve("a"), nextHop.port(), yaml, background);
                 Gateway b = TestGateway.startGateway(data.resolve("b"), nextHop.port(), yaml, background)) {
                HoldFixture web = HoldFixture.create();
                for (int i = 0; i < 3; i++) {
                    String message = HoldFixture.bsnMessage("Twee instanties " + i, List.of(BOB), 60 + i);
                    String ref = HoldFixture.heldReference(HoldFixture.send(a.smtpPort(), SENDER, List.of(BOB), message));
                    HoldFixture.Link link = HoldFixture.notification(background, nextHop, SENDER, ref);
                    String page = web.get(a.webPort(), link.token()).body();
                    assertThat(page).contains("Twee instanties " + i);
                    var sent = web.post(b.webPort(), link.token(), HoldFixture.csrf(page), "send", "grondslag");
                    assertThat(sent.statusCode()).as("A's form posted to B").isEqualTo(200);
                    background.runQueued(); // B's decision woke B's loop
                    assertThat(to(nextHop, BOB)).as("release " + i).hasSize(i + 1);
                }
                for (int round = 0; round < 3; round++) { // both instances' queues run a few more times
                    background.runRound(ManualScheduler.HOLD_LOOP);
                }
                assertThat(to(nextHop, BOB)).as("each release delivered once").hasSize(3);
                long notifications = to(nextHop, SENDER).size();
                assertThat(notifications).as("each notification sent once").isEqualTo(3);
            }
        }
    }

    @Test
    void reminderAndEscalationAreSentOnceAlthoughBothInstancesLookForThem() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create(); CapturingNextHop nextHop = new CapturingNextHop()) {
            String yaml = HoldFixture.HOLD_YAML + "  remind-after: 1h\n  escalate-after: 2h\n  escalate-to:\n"
                    + "    gemeente.example: teamleider@gemeente.example\n"
                    + "store:\n  url: \"" + schema.url() + "\"\n  instances: 2\n";
            ManualScheduler background = new ManualScheduler();
            MovableClock clock = new MovableClock(java.time.Instant.parse("2026-03-03T09:00:00Z"));
            try (Gateway a = TestGateway.startGateway(data.resolve("a"), nextHop.port(), yaml, clock, background);
                 Gateway b = TestGateway.startGateway(data.resolve("b"), nextHop.port(), yaml, clock, background)) {
                String ref = HoldFixture.heldReference(HoldFixture.send(a.smtpPort(), SENDER, List.of(BOB),
                        HoldFixture.bsnMessage("Twee instanties herinneren", List.of(BOB), 70)));
                HoldFixture.notification(background, nextHop, SENDER, ref);
                clock.advance(java.time.Duration.ofHours(2));
                for (int round = 0; round < 3; round++) { // each round runs A's and B's loop
                    background.runRound(ManualScheduler.HOLD_LOOP);
                }
                assertThat(HoldFixture.notices(nextHop, SENDER, "Herinnering")).as("one reminder").hasSize(1);
                assertThat(HoldFixture.notices(nextHop, "teamleider@gemeente.example", "Wacht op een keuze"))
                        .as("one escalation").hasSize(1);
                HoldFixture.Link delegate = HoldFixture.linkIn(
                        HoldFixture.notices(nextHop, "teamleider@gemeente.example", "Wacht op een keuze").get(0));
                HoldFixture web = HoldFixture.create();
                String page = web.get(a.webPort(), delegate.token()).body();
                assertThat(web.post(b.webPort(), delegate.token(), HoldFixture.csrf(page), "cancel", null).statusCode())
                        .as("the delegate's form from A posted to B").isEqualTo(200);
            }
        }
    }
}

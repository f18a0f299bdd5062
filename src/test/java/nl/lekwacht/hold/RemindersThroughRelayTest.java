package nl.lekwacht.hold;

import static nl.lekwacht.hold.HoldFixture.SENDER;
import static nl.lekwacht.hold.HoldFixture.notices;
import static nl.lekwacht.hold.HoldFixture.to;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.MovableClock;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No held message is forgotten: the sender is reminded after {@code hold.remind-after} with a fresh link,
 * the delegate ({@code hold.escalate-to}) gets a link of their own after {@code hold.escalate-after} and
 * may decide (audited with their address), and both are told when the hold expires unsent. Time is the
 * test's clock; the hold loop runs when the test says so.
 */
class RemindersThroughRelayTest {

    private static final String BOB = "bob@extern.example";
    private static final String DELEGATE = "teamleider@gemeente.example";
    private static final String YAML = HoldFixture.HOLD_YAML + "  time-zone: UTC\n  remind-after: 2h\n"
            + "  escalate-after: 3h\n  escalate-to:\n    gemeente.example: privacy@gemeente.example\n"
            + "    " + SENDER + ": " + DELEGATE + "\n";
    private static final String REMINDER = "Herinnering, nog niet verzonden: ";
    private static final String ESCALATION = "Wacht op een keuze: ";
    private static final String EXPIRED = "Niet verzonden: ";

    @TempDir
    Path data;

    private final ManualScheduler background = new ManualScheduler();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T09:10:00Z"));
    private final HoldFixture web = HoldFixture.create();

    @Test
    void reminderAndEscalationLeaveAtTheirTimesAndNotBefore() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop();
             Gateway gateway = TestGateway.startGateway(data, nextHop.port(), YAML, clock, background)) {
            String ref = hold(gateway, nextHop, "Herinneren", 41);
            HoldFixture.Link first = HoldFixture.notification(background, nextHop, SENDER, ref);

            at(Duration.ofHours(2).minusMinutes(1));
            assertThat(notices(nextHop, SENDER, REMINDER)).as("no reminder before remind-after").isEmpty();
            at(Duration.ofHours(2));
            assertThat(notices(nextHop, SENDER, REMINDER)).as("a reminder at remind-after").hasSize(1);
            HoldFixture.Link reminder = HoldFixture.linkIn(notices(nextHop, SENDER, REMINDER).get(0));
            assertThat(reminder.token()).as("a fresh link").isNotEqualTo(first.token());
            assertThat(HoldFixture.decoded(reminder.notification())).contains("wacht nog op uw keuze")
                    .contains(ref).doesNotContain(HoldFixture.bsn(41));
            assertThat(web.get(gateway.webPort(), reminder.token()).body()).contains("Herinneren")
                    .contains("Uw bericht is nog niet verzonden");

            at(Duration.ofHours(3).minusMinutes(1));
            assertThat(to(nextHop, DELEGATE)).as("nobody asked before escalate-after").isEmpty();
            at(Duration.ofHours(3));
            assertThat(notices(nextHop, DELEGATE, ESCALATION)).as("the sender's own delegate, not the domain's")
                    .hasSize(1);
            assertThat(to(nextHop, "privacy@gemeente.example")).isEmpty();
            String escalation = HoldFixture.decoded(notices(nextHop, DELEGATE, ESCALATION).get(0));
            assertThat(escalation).contains("van " + SENDER).contains("vervanger").contains(ref)
                    .doesNotContain("niet verstuurd?").doesNotContain(HoldFixture.bsn(41));

            at(Duration.ofHours(5));
            assertThat(notices(nextHop, SENDER, REMINDER)).as("reminded once").hasSize(1);
            assertThat(notices(nextHop, DELEGATE, ESCALATION)).as("escalated once").hasSize(1);
            assertThat(HoldFixture.trail(gateway, ref)).anySatisfy(e -> assertThat(e).startsWith("REMINDED system"))
                    .anySatisfy(e -> assertThat(e).startsWith("ESCALATED system delegate=" + DELEGATE));
            assertThat(to(nextHop, BOB)).isEmpty();
        }
    }

    @Test
    void delegateReleasesThroughTheirOwnLinkAndIsAuditedByAddress() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop();
             Gateway gateway = TestGateway.startGateway(data, nextHop.port(), YAML, clock, background)) {
            String ref = hold(gateway, nextHop, "Vervanger verzendt", 42);
            at(Duration.ofHours(3));
            HoldFixture.Link link = HoldFixture.linkIn(notices(nextHop, DELEGATE, ESCALATION).get(0));
            String page = web.get(gateway.webPort(), link.token()).body();
            assertThat(page).contains("Een bericht van een collega wacht op uw keuze")
                    .contains("vervanger van " + SENDER).doesNotContain(HoldFixture.bsn(42));
            HttpResponse<String> sent = web.act(gateway.webPort(), link.token(), "send", "Wettelijke taak, afzender ziek");
            assertThat(sent.statusCode()).isEqualTo(200);
            assertThat(sent.body()).contains("door " + DELEGATE);
            background.runQueued();
            assertThat(to(nextHop, BOB)).as("released by the delegate").hasSize(1);
            assertThat(HoldFixture.trail(gateway, ref))
                    .anySatisfy(e -> assertThat(e).startsWith("DECIDED " + DELEGATE + " action=send"))
                    .anySatisfy(e -> assertThat(e).startsWith("OVERRIDE " + DELEGATE + " codes=BSN"))
                    .anySatisfy(e -> assertThat(e).startsWith("VIEWED " + DELEGATE));
            at(Duration.ofHours(30));
            assertThat(notices(nextHop, SENDER, EXPIRED)).as("decided, so it never expires").isEmpty();
        }
    }

    @Test
    void delegateCancelsThroughTheirOwnLink() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop();
             Gateway gateway = TestGateway.startGateway(data, nextHop.port(), YAML, clock, background)) {
            String ref = hold(gateway, nextHop, "Vervanger stopt", 43);
            at(Duration.ofHours(3));
            HoldFixture.Link link = HoldFixture.linkIn(notices(nextHop, DELEGATE, ESCALATION).get(0));
            assertThat(web.act(gateway.webPort(), link.token(), "cancel", null).statusCode()).isEqualTo(200);
            at(Duration.ofHours(30));
            assertThat(to(nextHop, BOB)).isEmpty();
            assertThat(HoldFixture.trail(gateway, ref))
                    .anySatisfy(e -> assertThat(e).startsWith("DECIDED " + DELEGATE + " action=cancel"));
        }
    }

    @Test
    void senderAndDelegateAreToldWhenTheHoldExpiresUnsent() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop();
             Gateway gateway = TestGateway.startGateway(data, nextHop.port(), YAML, clock, background)) {
            String ref = hold(gateway, nextHop, "Niemand kiest", 44);
            at(Duration.ofHours(24).minusMinutes(1));
            assertThat(notices(nextHop, SENDER, EXPIRED)).as("not before expiry").isEmpty();
            at(Duration.ofHours(24));
            assertThat(notices(nextHop, SENDER, EXPIRED)).hasSize(1);
            assertThat(HoldFixture.decoded(notices(nextHop, SENDER, EXPIRED).get(0))).contains(ref);
            assertThat(notices(nextHop, DELEGATE, EXPIRED)).hasSize(1);
            assertThat(HoldFixture.decoded(notices(nextHop, DELEGATE, EXPIRED).get(0)))
                    .contains("als vervanger van " + SENDER).contains("niet verzonden");
            at(Duration.ofHours(25));
            assertThat(notices(nextHop, SENDER, EXPIRED)).as("told once").hasSize(1);
            assertThat(to(nextHop, BOB)).isEmpty();
        }
    }

    @Test
    void reminderCountsWorkingHoursAndIsNotSentAgainAfterARestart() throws Exception {
        // Friday 15:00; working hours 08:00-17:00 on weekdays: four working hours are over on Monday 10:00
        clock.set(Instant.parse("2026-03-06T15:00:00Z"));
        String yaml = HoldFixture.HOLD_YAML + "  time-zone: UTC\n  remind-after: 4h\n  escalate-after: off\n"
                + "  working-hours: {days: [MON, TUE, WED, THU, FRI], start: \"08:00\", end: \"17:00\"}\n";
        try (CapturingNextHop nextHop = new CapturingNextHop()) {
            try (Gateway gateway = TestGateway.startGateway(data, nextHop.port(), yaml, clock, background)) {
                hold(gateway, nextHop, "Weekend", 45);
                clock.set(Instant.parse("2026-03-09T09:59:00Z"));
                background.runRound(ManualScheduler.HOLD_LOOP);
                assertThat(notices(nextHop, SENDER, REMINDER)).as("not over the weekend").isEmpty();
                clock.set(Instant.parse("2026-03-09T10:00:00Z"));
                background.runRound(ManualScheduler.HOLD_LOOP);
                assertThat(notices(nextHop, SENDER, REMINDER)).hasSize(1);
            }
            try (Gateway restarted = TestGateway.startGateway(data, nextHop.port(), yaml, clock, background)) {
                clock.set(Instant.parse("2026-03-09T11:00:00Z"));
                background.runQueued();
                background.runRound(ManualScheduler.HOLD_LOOP);
                assertThat(notices(nextHop, SENDER, REMINDER)).as("not again after a restart").hasSize(1);
            }
        }
    }

    private String hold(Gateway gateway, CapturingNextHop nextHop, String subject, long seed) throws Exception {
        String ref = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, List.of(BOB),
                HoldFixture.bsnMessage(subject, List.of(BOB), seed)));
        HoldFixture.notification(background, nextHop, SENDER, ref);
        return ref;
    }

    /** Moves the clock to {@code sinceStart} after the test's start and runs a round of the hold loop. */
    private void at(Duration sinceStart) {
        clock.set(Instant.parse("2026-03-02T09:10:00Z").plus(sinceStart));
        background.runRound(ManualScheduler.HOLD_LOOP);
    }
}

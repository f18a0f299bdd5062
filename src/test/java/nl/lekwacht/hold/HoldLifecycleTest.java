package nl.lekwacht.hold;

import static nl.lekwacht.hold.HoldFixture.SENDER;
import static nl.lekwacht.hold.HoldFixture.to;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.MovableClock;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who is notified, what the audit trail and metrics record, when content is erased, and who is not held. */
class HoldLifecycleTest {

    private static final String BOB = "bob@extern.example";

    @TempDir
    Path data;

    private final MovableClock clock = new MovableClock();
    private final ManualScheduler background = new ManualScheduler();
    private final HoldFixture web = HoldFixture.create();

    private Gateway start(CapturingNextHop nextHop, String extra) throws Exception {
        return Gateway.start(TestGateway.config(data, nextHop.port(), HoldFixture.HOLD_YAML + extra),
                new Gateway.Time(clock, Ticker.systemTicker(), Runnable::run, background.byName()));
    }

    private static String onBehalf(String senderHeader, long seed) {
        return "From: Team Burgerzaken <burgerzaken@gemeente.example>\r\nSender: <" + senderHeader + ">\r\n"
                + HoldFixture.bsnMessage("Namens het team " + seed, List.of(BOB), seed)
                .replaceFirst("From: [^\r]*\r\n", "");
    }

    @Test
    void notifiesAnInternalSenderHeaderAddressTooButNeverAnOutsideOne() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop(); Gateway gateway = start(nextHop, "")) {
            String ref = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, List.of(BOB),
                    onBehalf("bert@gemeente.example", 71)));
            HoldFixture.Link link = HoldFixture.notification(background, nextHop, SENDER, ref);
            assertThat(link.notification().recipients()).containsExactly(SENDER, "bert@gemeente.example");

            String outside = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, List.of(BOB),
                    onBehalf("someone@extern.example", 72)));
            HoldFixture.Link second = HoldFixture.notification(background, nextHop, SENDER, outside);
            assertThat(second.notification().recipients()).containsExactly(SENDER);
            assertThat(nextHop.received()).noneMatch(r -> r.recipients().contains("someone@extern.example"));
        }
    }

    @Test
    void contentIsErasedAfterTheGracePeriodWhileTheAuditTrailStays() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop(); Gateway gateway = start(nextHop, "")) {
            String ref = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, List.of(BOB),
                    HoldFixture.bsnMessage("Wissen", List.of(BOB), 73)));
            HoldFixture.Link link = HoldFixture.notification(background, nextHop, SENDER, ref);
            assertThat(events(gateway, ref)).as("notification recorded").anyMatch(e -> e.startsWith("NOTIFIED"));
            assertThat(web.act(gateway.webPort(), link.token(), "cancel", "verkeerde bijlage").statusCode())
                    .isEqualTo(200);
            assertThat(count(gateway, "SELECT COUNT(*) FROM sealed_content WHERE content_id = ?", ref)).isPositive();
            clock.advance(Duration.ofHours(23));
            background.runQueued();
            background.runRound(ManualScheduler.HOLD_LOOP); // within the grace period nothing is erased
            assertThat(count(gateway, "SELECT COUNT(*) FROM sealed_content WHERE content_id = ?", ref)).isPositive();
            clock.advance(Duration.ofHours(1).plusMinutes(1));
            background.runRound(ManualScheduler.HOLD_LOOP);
            assertThat(count(gateway, "SELECT COUNT(*) FROM sealed_content WHERE content_id = ?", ref))
                    .as("content erased").isZero();
            assertThat(count(gateway, "SELECT COUNT(*) FROM hold_message WHERE id = ?", ref)).isEqualTo(1);
            List<String> trail = events(gateway, ref);
            assertThat(trail).extracting(e -> e.split(" ")[0]).containsSubsequence("HELD", "NOTIFICATION_QUEUED",
                    "NOTIFIED", "VIEWED", "DECIDED", "CONTENT_DELETED");
            assertThat(trail).anySatisfy(e -> assertThat(e).startsWith("DECIDED link action=cancel")
                    .contains("reason=verkeerde bijlage"));
            assertThat(String.join("\n", trail)).doesNotContain(HoldFixture.bsn(73));
            assertThat(web.get(gateway.webPort(), link.token()).body()).contains("Het bericht is niet verzonden");
        }
    }

    @Test
    void holdAndItsAuditTrailAreDeletedAfterTheRetentionWhileYoungerHoldsStay() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop();
             Gateway gateway = start(nextHop, "  retention: 10d\n")) {
            String old = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, List.of(BOB),
                    HoldFixture.bsnMessage("Bewaren", List.of(BOB), 76)));
            HoldFixture.Link link = HoldFixture.notification(background, nextHop, SENDER, old);
            web.act(gateway.webPort(), link.token(), "cancel", "toch niet");
            clock.advance(Duration.ofDays(5));
            String young = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, List.of(BOB),
                    HoldFixture.bsnMessage("Jonger", List.of(BOB), 77)));
            HoldFixture.Link second = HoldFixture.notification(background, nextHop, SENDER, young);
            web.act(gateway.webPort(), second.token(), "cancel", "ook niet");

            clock.advance(Duration.ofDays(5).minusMinutes(1));
            background.runRound(ManualScheduler.HOLD_LOOP);
            assertThat(count(gateway, "SELECT COUNT(*) FROM hold_message WHERE id = ?", old))
                    .as("just under the retention").isEqualTo(1);

            clock.advance(Duration.ofMinutes(2));
            background.runRound(ManualScheduler.HOLD_LOOP);
            assertThat(count(gateway, "SELECT COUNT(*) FROM hold_message WHERE id = ?", old)).isZero();
            assertThat(count(gateway, "SELECT COUNT(*) FROM hold_audit WHERE hold_id = ?", old)).isZero();
            assertThat(count(gateway, "SELECT COUNT(*) FROM delivery_job WHERE hold_id = ?", old)).isZero();
            assertThat(count(gateway, "SELECT COUNT(*) FROM hold_message WHERE id = ?", young)).isEqualTo(1);
            assertThat(count(gateway, "SELECT COUNT(*) FROM hold_audit WHERE hold_id = ?", young)).isPositive();
            assertThat(web.get(gateway.webPort(), link.token()).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void metricsShowHoldsPendingActionsByTypeAndTimeToDecision() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop(); Gateway gateway = start(nextHop, "")) {
            String ref = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, List.of(BOB),
                    HoldFixture.bsnMessage("Meten", List.of(BOB), 74)));
            HoldFixture.Link link = HoldFixture.notification(background, nextHop, SENDER, ref);
            assertThat(metrics(gateway)).contains("lekwacht_holds_pending 1.0");
            clock.advance(Duration.ofMinutes(3));
            web.act(gateway.webPort(), link.token(), "send", "grondslag");
            String after = metrics(gateway);
            assertThat(after).contains("lekwacht_holds_pending 0.0")
                    .containsPattern("lekwacht_hold_actions_total\\{action=\"send\"[^}]*\\} 1\\.0")
                    .containsPattern("lekwacht_hold_actions_total\\{action=\"hold\"[^}]*\\} 1\\.0")
                    .contains("lekwacht_hold_decision_time_seconds_count 1")
                    .containsPattern("lekwacht_hold_decision_time_seconds_sum 180\\.0");
        }
    }

    @Test
    void notificationIsInEnglishWhenConfigured() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop();
             Gateway gateway = start(nextHop, "web:\n  listen: 127.0.0.1:0\n  language: en\n"
                     + "  public-url: https://lekwacht.gemeente.example/\n")) {
            String ref = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, List.of(BOB),
                    HoldFixture.bsnMessage("English", List.of(BOB), 75)));
            HoldFixture.Link link = HoldFixture.notification(background, nextHop, SENDER, ref);
            assertThat(link.base()).isEqualTo("https://lekwacht.gemeente.example");
            String text = HoldFixture.decoded(link.notification());
            assertThat(text).contains("Not sent yet: English").contains("Citizen service number (BSN)")
                    .doesNotContain("Burgerservicenummer");
            String raw = HoldFixture.text(link.notification());
            assertThat(raw).contains("multipart/alternative").contains("text/plain").contains("text/html")
                    .contains("Auto-Submitted: auto-generated");
            assertThat(web.get(gateway.webPort(), link.token()).body()).contains("Your message has not been sent yet");
        }
    }

    @Test
    void riskyMailFromOutsideTheOrganisationIsNotHeld() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop(); Gateway gateway = start(nextHop, "")) {
            String reply = HoldFixture.send(gateway.smtpPort(), "leverancier@extern.example", List.of(BOB),
                    HoldFixture.bsnMessage("Van buiten", List.of(BOB), 76)
                            .replace("From: Alice <" + SENDER + ">", "From: <leverancier@extern.example>"));
            assertThat(reply).startsWith("250").doesNotContain("Held");
            assertThat(to(nextHop, BOB)).hasSize(1);
            assertThat(HoldFixture.text(to(nextHop, BOB).get(0))).contains("X-Lekwacht: DELIVER; BSN");
            String nullSender = HoldFixture.send(gateway.smtpPort(), "", List.of(BOB),
                    HoldFixture.bsnMessage("Bounce", List.of(BOB), 77));
            assertThat(nullSender).startsWith("250").doesNotContain("Held");
        }
    }

    private static String metrics(Gateway gateway) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.webPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static long count(Gateway gateway, String sql, String id) {
        try (Connection c = gateway.database().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> events(Gateway gateway, String id) {
        List<String> events = new ArrayList<>();
        try (Connection c = gateway.database().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT event, actor, detail FROM hold_audit WHERE hold_id = ? ORDER BY id")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        return events;
    }
}

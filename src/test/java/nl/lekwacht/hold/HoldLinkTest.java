package nl.lekwacht.hold;

import static nl.lekwacht.hold.HoldFixture.SENDER;
import static nl.lekwacht.hold.HoldFixture.to;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.MovableClock;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link: only the real, unused, unexpired token with the form's CSRF token acts, and GET never does. */
class HoldLinkTest {

    private static final String BOB = "bob@extern.example";

    @TempDir
    Path data;

    private CapturingNextHop nextHop;
    private Gateway gateway;
    private final MovableClock clock = new MovableClock();
    private final ManualScheduler background = new ManualScheduler();
    private final HoldFixture web = HoldFixture.create();

    @BeforeEach
    void start() throws Exception {
        nextHop = new CapturingNextHop();
        gateway = Gateway.start(TestGateway.config(data, nextHop.port(), HoldFixture.HOLD_YAML),
                new Gateway.Time(clock, Ticker.systemTicker(), Runnable::run, background.byName()));
    }

    @AfterEach
    void stop() {
        gateway.close();
        nextHop.close();
    }

    private HoldFixture.Link hold(String subject, long seed) throws Exception {
        String ref = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, List.of(BOB),
                HoldFixture.bsnMessage(subject, List.of(BOB), seed)));
        return HoldFixture.notification(background, nextHop, SENDER, ref);
    }

    @Test
    void getChangesNothingAndPostWithoutCsrfIsRefused() throws Exception {
        HoldFixture.Link link = hold("Alleen kijken", 11);
        for (int i = 0; i < 3; i++) {
            assertThat(web.get(gateway.webPort(), link.token()).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> noCsrf = web.post(gateway.webPort(), link.token(), null, "send", "grondslag");
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(noCsrf.body()).contains("Het formulier is verlopen").contains("Er is niets gewijzigd");
        HttpResponse<String> forged = web.post(gateway.webPort(), link.token(),
                String.valueOf(clock.instant().getEpochSecond()) + ".AAAA", "send", "grondslag");
        assertThat(forged.statusCode()).isEqualTo(403);
        String otherCsrf = HoldFixture.csrf(web.get(gateway.webPort(), hold("Ander bericht", 12).token()).body());
        assertThat(web.post(gateway.webPort(), link.token(), otherCsrf, "send", "grondslag").statusCode())
                .as("another link's CSRF token").isEqualTo(403);
        HttpResponse<String> still = web.get(gateway.webPort(), link.token());
        assertThat(still.body()).contains("name=\"csrf\"").as("still pending");
        background.runRound(ManualScheduler.HOLD_LOOP);
        assertThat(to(nextHop, BOB)).isEmpty();
    }

    @Test
    void tamperedOrUnknownTokenGetsAClearPage() throws Exception {
        HoldFixture.Link link = hold("Knoeien", 13);
        char last = link.token().charAt(42);
        String tampered = link.token().substring(0, 42) + (last == 'A' ? 'B' : 'A');
        for (String token : List.of(tampered, "kort", link.token() + "x", "x".repeat(43))) {
            HttpResponse<String> page = web.get(gateway.webPort(), token);
            assertThat(page.statusCode()).as(token).isIn(404);
            if (token.matches("[A-Za-z0-9_-]+")) {
                assertThat(page.body()).contains("Deze link werkt niet");
            }
        }
        String csrf = HoldFixture.csrf(web.get(gateway.webPort(), link.token()).body());
        HttpResponse<String> post = web.post(gateway.webPort(), tampered, csrf, "cancel", null);
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(web.get(gateway.webPort(), link.token()).body()).contains("name=\"csrf\"");
    }

    @Test
    void expiredHoldIsNotSentAndTheSenderIsTold() throws Exception {
        HoldFixture.Link link = hold("Verloopt", 14);
        String csrf = HoldFixture.csrf(web.get(gateway.webPort(), link.token()).body());
        clock.advance(Duration.ofHours(24).plusMinutes(1));
        background.runRound(ManualScheduler.HOLD_LOOP);
        assertThat(to(nextHop, SENDER)).as("expiry notice")
                .anyMatch(r -> HoldFixture.decoded(r).contains("Niet verzonden: Verloopt"));
        HttpResponse<String> late = web.post(gateway.webPort(), link.token(), csrf, "send", "grondslag");
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("Deze link is verlopen");
        assertThat(web.get(gateway.webPort(), link.token()).body()).contains("De termijn is verlopen");
        background.runRound(ManualScheduler.HOLD_LOOP);
        assertThat(to(nextHop, BOB)).isEmpty();
    }
}

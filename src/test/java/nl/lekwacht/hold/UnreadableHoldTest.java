package nl.lekwacht.hold;

import static nl.lekwacht.hold.HoldFixture.SENDER;
import static nl.lekwacht.hold.HoldFixture.to;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Held content sealed with a key that is no longer configured (here: sealed by a gateway that had no
 * hold.encryption-key, as before keys were required) is marked unreadable, shown to admins, counted,
 * logged with its cause, its sender told, and never retried as if the next hop had failed.
 */
class UnreadableHoldTest {

    private static final String BOB = "bob@extern.example";
    private static final String TOKEN = "ops-api-token-0123456789abcdef";
    private static final String WITHOUT_KEY = "hold:\n  link-secret: \"" + HoldFixture.SECRET + "\"\n"
            + "  notify-from: lekwacht@gemeente.example\n";
    private static final String WITH_KEY = HoldFixture.HOLD_YAML + "web:\n  listen: 127.0.0.1:0\n"
            + "  api-tokens:\n    - {name: ops, token: \"" + TOKEN + "\", roles: [mail-admin]}\n";

    @TempDir
    Path data;

    private final HoldFixture web = HoldFixture.create();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(UnreadableHolds.class);

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    @Test
    void pendingHoldThatCannotBeOpenedIsMarkedAtStartShownToAdminsAndItsSenderTold() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop()) {
            ManualScheduler before = new ManualScheduler();
            String ref;
            HoldFixture.Link link;
            try (Gateway gateway = TestGateway.startGateway(data, nextHop.port(), WITHOUT_KEY, before)) {
                ref = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, List.of(BOB),
                        HoldFixture.bsnMessage("Oude sleutel", List.of(BOB), 41)));
                link = HoldFixture.notification(before, nextHop, SENDER, ref);
            }
            ManualScheduler after = new ManualScheduler();
            try (Gateway gateway = TestGateway.startGateway(data, nextHop.port(), WITH_KEY, after)) {
                after.runRound(ManualScheduler.HOLD_LOOP);
                assertThat(notices(nextHop, "Niet verzonden: Oude sleutel")).as("the sender is told").hasSize(1);
                assertThat(api(gateway.webPort(), "/api/holds")).contains("\"id\":\"" + ref + "\"")
                        .contains("\"status\":\"UNREADABLE\"");
                assertThat(api(gateway.webPort(), "/metrics")).contains("lekwacht_hold_content_unreadable_total 1.0");
                assertThat(web.get(gateway.webPort(), link.token()).body()).contains("kan niet meer worden geopend");
                assertThat(errors()).anySatisfy(line -> assertThat(line).contains(ref).contains("UNREADABLE")
                        .contains("hold.old-encryption-keys"));
                assertThat(to(nextHop, BOB)).as("never sent").isEmpty();
            }
        }
    }

    @Test
    void releasedHoldThatCannotBeOpenedIsNeverRetriedAsANextHopFailure() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop()) {
            ManualScheduler before = new ManualScheduler();
            String ref;
            try (Gateway gateway = TestGateway.startGateway(data, nextHop.port(), WITHOUT_KEY, before)) {
                ref = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, List.of(BOB),
                        HoldFixture.bsnMessage("Vrijgegeven", List.of(BOB), 42)));
                HoldFixture.Link link = HoldFixture.notification(before, nextHop, SENDER, ref);
                assertThat(web.act(gateway.webPort(), link.token(), "send", "grondslag").statusCode())
                        .isEqualTo(200); // the release is queued, not yet tried
            }
            ManualScheduler after = new ManualScheduler();
            try (Gateway gateway = TestGateway.startGateway(data, nextHop.port(), WITH_KEY, after)) {
                after.runRound(ManualScheduler.HOLD_LOOP); // the release finds its content unreadable
                after.runRound(ManualScheduler.HOLD_LOOP); // the notice
                assertThat(to(nextHop, BOB)).as("no DATA with broken content reached the next hop").isEmpty();
                assertThat(notices(nextHop, "Niet verzonden: Vrijgegeven")).hasSize(1);
                assertThat(jobStates(gateway, ref)).containsOnly("FAILED");
                assertThat(api(gateway.webPort(), "/api/holds")).contains("\"status\":\"UNREADABLE\"");
                assertThat(errors()).anySatisfy(line -> assertThat(line).contains(ref).contains("cannot be opened"));
            }
        }
    }

    private List<String> errors() {
        return log.list.stream().filter(e -> e.getLevel() == Level.ERROR).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static List<CapturingNextHop.Received> notices(CapturingNextHop nextHop, String subject) {
        return to(nextHop, SENDER).stream().filter(r -> r.subject().equals(subject)).toList();
    }

    private static List<String> jobStates(Gateway gateway, String holdId) throws Exception {
        List<String> states = new ArrayList<>();
        try (Connection c = gateway.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT state FROM delivery_job WHERE hold_id = ? AND kind = 'RELEASE'")) {
            s.setString(1, holdId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    states.add(rs.getString(1));
                }
            }
        }
        return states;
    }

    private static String api(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}

package nl.lekwacht.hold;

import static nl.lekwacht.hold.HoldFixture.SENDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hold that ends leaves one row behind for the register's figures of prevented slips: the month, the
 * codes, the outcome and the sender's department from register.departments, and nothing personal.
 */
class NearMissKeptTest {

    private static final String BOB = "bob@extern.example";

    @TempDir
    Path data;

    private final ManualScheduler background = new ManualScheduler();
    private final HoldFixture fixture = HoldFixture.create();

    @Test
    void cancelledAndSentAnywayHoldsLeaveTheirOutcomeAndDepartmentButNoAddress() throws Exception {
        String yaml = HoldFixture.HOLD_YAML + "register:\n  departments:\n    gemeente.example: Sociaal Domein\n";
        try (CapturingNextHop nextHop = new CapturingNextHop();
             Gateway gateway = TestGateway.startGateway(data, nextHop.port(), yaml, background)) {
            String cancelled = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, List.of(BOB),
                    HoldFixture.bsnMessage("Beschikking", List.of(BOB), 51)));
            String sent = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, List.of(BOB),
                    HoldFixture.bsnMessage("Toeslag", List.of(BOB), 52)));
            assertThat(rows(gateway)).as("nothing kept while the holds wait").isEmpty();

            HoldFixture.Link first = HoldFixture.notification(background, nextHop, SENDER, cancelled);
            assertThat(fixture.act(gateway.webPort(), first.token(), "cancel", null).statusCode()).isEqualTo(200);
            HoldFixture.Link second = HoldFixture.notification(background, nextHop, SENDER, sent);
            assertThat(fixture.act(gateway.webPort(), second.token(), "send", "wettelijke taak").statusCode())
                    .isEqualTo(200);

            String month = YearMonth.now(ZoneId.of("Europe/Amsterdam")).toString();
            assertThat(rows(gateway)).containsExactlyInAnyOrder(
                    month + " BSN,NEW_RECIPIENT_WITH_PERSONAL_DATA CANCELLED Sociaal Domein",
                    month + " BSN,NEW_RECIPIENT_WITH_PERSONAL_DATA SENT_ANYWAY Sociaal Domein");
        }
    }

    @Test
    void outcomesFollowTheDecision() {
        assertThat(NearMisses.outcome(HoldStatus.RELEASED, "send")).isEqualTo(NearMiss.Outcome.SENT_ANYWAY);
        assertThat(NearMisses.outcome(HoldStatus.RELEASED, "send-bcc")).isEqualTo(NearMiss.Outcome.FIXED);
        assertThat(NearMisses.outcome(HoldStatus.RELEASED, "remove-recipient")).isEqualTo(NearMiss.Outcome.FIXED);
        assertThat(NearMisses.outcome(HoldStatus.RELEASED, "replace-recipient")).isEqualTo(NearMiss.Outcome.FIXED);
        assertThat(NearMisses.outcome(HoldStatus.RELEASED, "send-without-attachments"))
                .isEqualTo(NearMiss.Outcome.FIXED);
        assertThat(NearMisses.outcome(HoldStatus.CANCELLED, "remove-recipient")).as("every recipient removed")
                .isEqualTo(NearMiss.Outcome.CANCELLED);
        assertThat(NearMisses.outcome(HoldStatus.EXPIRED, "expired")).isEqualTo(NearMiss.Outcome.EXPIRED);
        assertThat(NearMisses.outcome(HoldStatus.RELEASED, DelayedRelease.ELAPSED))
                .isEqualTo(NearMiss.Outcome.DELAY_ELAPSED);
    }

    /** Every kept row as "month codes outcome department"; the table has no other columns to leak. */
    private static List<String> rows(Gateway gateway) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = gateway.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT * FROM hold_near_miss ORDER BY id");
             ResultSet rs = s.executeQuery()) {
            assertThat(rs.getMetaData().getColumnCount()).as("id, month, codes, outcome, department").isEqualTo(5);
            while (rs.next()) {
                rows.add(rs.getString("held_month") + " " + rs.getString("codes") + " " + rs.getString("outcome")
                        + " " + rs.getString("department"));
            }
        }
        return rows;
    }
}

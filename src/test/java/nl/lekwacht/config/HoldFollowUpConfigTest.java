package nl.lekwacht.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reminder and escalation times have sane defaults, can be turned off and come before expiry; delegates are addresses. */
class HoldFollowUpConfigTest {

    private static final String ORGANISATION = "organisation:\n  internal-domains: [gemeente.example]\n";

    private static LekwachtConfig parse(String hold) {
        return new ConfigLoader(Map.of()).parse(ORGANISATION + "hold:\n" + hold);
    }

    @Test
    void remindsAfterFourHoursAndEscalatesAfterEightByDefault() {
        HoldConfig hold = parse("  expiry: 24h\n").hold();
        assertThat(hold.remindAfter()).contains(Duration.ofHours(4));
        assertThat(hold.escalateAfter()).contains(Duration.ofHours(8));
        assertThat(hold.escalateTo()).isEmpty();
    }

    @Test
    void defaultsGiveWayToAShortExpiry() {
        HoldConfig hold = parse("  expiry: 4h\n  delay: 2m\n").hold();
        assertThat(hold.remindAfter()).contains(Duration.ofHours(2));
        assertThat(hold.escalateAfter()).contains(Duration.ofHours(3));
    }

    @Test
    void zeroOrOffTurnsAFollowUpOff() {
        HoldConfig hold = parse("  remind-after: 0\n  escalate-after: off\n").hold();
        assertThat(hold.remindAfter()).isEqualTo(Optional.empty());
        assertThat(hold.escalateAfter()).isEqualTo(Optional.empty());
    }

    @Test
    void refusesAFollowUpAtOrAfterExpiry() {
        LekwachtConfig at = parse("  expiry: 24h\n  remind-after: 24h\n  escalate-after: 25h\n");
        assertThat(at.problems()).anySatisfy(p -> assertThat(p.toString()).contains("hold.remind-after")
                .contains("shorter than hold.expiry"));
        assertThat(at.problems()).anySatisfy(p -> assertThat(p.toString()).contains("hold.escalate-after"));
        assertThat(parse("  expiry: 24h\n  remind-after: 23h\n  escalate-after: 1439m\n").problems()).isEmpty();
    }

    @Test
    void readsDelegatesBySenderAndDomainAndRefusesWhatIsNotAnAddress() {
        LekwachtConfig good = parse("  escalate-to:\n    Alice@Gemeente.Example: teamleider@gemeente.example\n"
                + "    \"@sociaal.gemeente.example\": privacy@gemeente.example\n");
        assertThat(good.problems()).isEmpty();
        assertThat(good.hold().escalateTo()).containsEntry("alice@gemeente.example", "teamleider@gemeente.example")
                .containsEntry("sociaal.gemeente.example", "privacy@gemeente.example");
        LekwachtConfig bad = parse("  escalate-to:\n    alice@gemeente.example: teamleider\n");
        assertThat(bad.problems()).anySatisfy(p -> assertThat(p.toString()).contains("escalate-to")
                .contains("one e-mail address"));
        LekwachtConfig outside = parse("  escalate-to:\n    alice@gemeente.example: teamleider@gmail.com\n");
        assertThat(outside.problems()).as("held messages' metadata stays inside").anySatisfy(p ->
                assertThat(p.toString()).contains("hold.escalate-to").contains("organisation.internal-domains"));
    }
}

package nl.lekwacht.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The session command limit has a sane default and must leave room for one message at the recipient limit. */
class SmtpLimitsConfigTest {

    private static final String ORGANISATION = "organisation:\n  internal-domains: [gemeente.example]\n";

    @Test
    void commandsPerSessionDefaultsToTenThousand() {
        LekwachtConfig config = new ConfigLoader(Map.of()).parse(ORGANISATION);
        assertThat(config.smtp().maxCommandsPerSession()).isEqualTo(10_000);
    }

    @Test
    void refusesACommandLimitThatCannotHoldOneMessageWithTheMostRecipients() {
        LekwachtConfig under = new ConfigLoader(Map.of()).parse(ORGANISATION
                + "smtp:\n  max-recipients: 100\n  max-commands-per-session: 109\n");
        assertThat(under.problems()).anySatisfy(p -> assertThat(p.toString())
                .contains("max-commands-per-session").contains("at least smtp.max-recipients + 10 (110)"));
        LekwachtConfig at = new ConfigLoader(Map.of()).parse(ORGANISATION
                + "smtp:\n  max-recipients: 100\n  max-commands-per-session: 110\n");
        assertThat(at.problems()).isEmpty();
        assertThat(at.smtp().maxCommandsPerSession()).isEqualTo(110);
    }
}

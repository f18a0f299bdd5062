package nl.lekwacht.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.LogCapture;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up line that lets an admin compare instances names fingerprints as fingerprints, never the secrets. */
class StartupFingerprintLineTest {

    private static final String LINK_SECRET = "a-link-secret-shared-by-every-instance-0123456789";
    private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    @TempDir
    Path data;

    @Test
    void theStartupLineSaysFingerprintAndShowsNoSecret() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop(); LogCapture log = LogCapture.open();
             Gateway gateway = TestGateway.startGateway(data, nextHop.port(), "hold:\n  link-secret: \"" + LINK_SECRET
                     + "\"\n  encryption-key: \"" + KEY + "\"\n  notify-from: lekwacht@gemeente.example\n")) {
            assertThat(log.text()).containsPattern("holding enabled: fingerprint of hold\\.encryption-key \\S+, "
                    + "fingerprint of hold\\.link-secret \\S+ \\(fingerprints, not the secrets")
                    .doesNotContain(LINK_SECRET, KEY, "link secret ");
        }
    }
}

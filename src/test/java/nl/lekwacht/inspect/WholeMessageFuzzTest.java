package nl.lekwacht.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.lekwacht.config.ConfigLoader;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.history.HistoryView;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.MessageParser;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.message.spool.Spool;

/**
 * Any bytes at all, parsed as a message and inspected by every detector: the parser never throws (a
 * broken message is a finding, never a lost one), no detector fails, and no BSN finding shows more
 * than a masked number.
 *
 * <p>In a normal test run this replays the kept inputs under
 * {@code src/test/resources/nl/lekwacht/inspect/WholeMessageFuzzTestInputs}; with {@code JAZZER_FUZZ=1}
 * it fuzzes (see the README's Development section).
 */
class WholeMessageFuzzTest {

    /** More than four digits in a row in evidence would be more than a masked BSN shows. */
    private static final Pattern UNMASKED = Pattern.compile("\\d{5,}");

    private final MessageParser parser = new MessageParser(1_000_000, 1_000);
    private final Inspector inspector;
    private final Envelope envelope = new Envelope("fuzz", "medewerker@gemeente.example",
            List.of("iemand@partner.example"), InetAddress.getLoopbackAddress(), "fuzz", Optional.empty(),
            Instant.EPOCH);

    WholeMessageFuzzTest() {
        LekwachtConfig config = new ConfigLoader(Map.of()).parse(
                "organisation: {internal-domains: [gemeente.example]}\n");
        inspector = InspectSide.inspector(config, HistoryView.EMPTY);
    }

    @FuzzTest
    void parsesAndInspectsAnyMessage(byte[] bytes) {
        OutboundMessage message;
        try (Spool spool = Spool.ofBytes(bytes)) {
            message = parser.parse(spool, envelope);
        }
        InspectionResult result = inspector.inspect(message);

        assertThat(result.failedDetectors()).isEmpty();
        for (Finding finding : result.findings()) {
            if (finding.code() == FindingCode.BSN) {
                assertThat(finding.evidence()).noneMatch(e -> UNMASKED.matcher(e).find());
            }
        }
    }
}

package nl.lekwacht;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.lekwacht.config.ConfigLoader;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.message.ContentExtractor;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.spool.Spool;
import nl.lekwacht.flow.Screened;
import nl.lekwacht.flow.Screener;
import nl.lekwacht.inspect.InspectSide;
import nl.lekwacht.policy.PolicySide;
import nl.lekwacht.history.HistoryView;

/**
 * The real screening chain the gateway runs (MessageParser, the configured extractor, every detector
 * from {@link InspectSide}, the policy), for tests that feed it fixture messages. Close it: the extractor
 * runs parser processes.
 */
public final class ContentCorpusChain implements AutoCloseable {

    public static final String SENDER = "medewerker@gemeente.example";

    private final ContentExtractor extractor;
    private final Screener screening;

    private ContentCorpusChain(LekwachtConfig config) {
        if (!config.problems().isEmpty()) {
            throw new IllegalArgumentException("test config invalid: " + config.problems());
        }
        this.extractor = InspectSide.extractor(config);
        this.screening = PolicySide.screener(config, extractor, InspectSide.inspector(config, HistoryView.EMPTY), true);
        if (!config.problems().isEmpty()) {
            throw new IllegalArgumentException("test config invalid: " + config.problems());
        }
    }

    /**
     * A chain over the default configuration for the organisation {@code gemeente.example}, plus
     * {@code yaml}. The corpus recipient's domain {@code partner.example} is a trusted partner, so that
     * the recipient detectors (which have no history here) judge nothing but content.
     */
    public static ContentCorpusChain start(String yaml) {
        return start("organisation:\n  internal-domains: [gemeente.example]\n"
                + "  trusted-partner-domains: [partner.example]\n", yaml);
    }

    /** A chain over the default configuration with the {@code organisation} section given, plus {@code yaml}. */
    public static ContentCorpusChain start(String organisation, String yaml) {
        return new ContentCorpusChain(new ConfigLoader(Map.of()).parse(organisation + yaml));
    }

    public Screened screen(byte[] eml, String sender, List<String> recipients) {
        Envelope envelope = new Envelope("corpus", sender, recipients, InetAddress.getLoopbackAddress(), "test",
                Optional.empty(), Instant.parse("2025-03-04T08:30:00Z"));
        try (Spool spool = Spool.ofBytes(eml)) {
            return screening.screen(envelope, spool);
        }
    }

    public Screened screen(byte[] eml) {
        return screen(eml, SENDER, List.of("ontvanger@partner.example"));
    }

    @Override
    public void close() {
        extractor.close();
    }
}

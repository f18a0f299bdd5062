package nl.lekwacht.policy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.lekwacht.config.ConfigLoader;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.flow.Screened;
import nl.lekwacht.flow.Screener;
import nl.lekwacht.history.HistoryView;
import nl.lekwacht.inspect.InspectSide;
import nl.lekwacht.message.ContentExtractor;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.spool.Spool;

/** The screening chain as the relay builds it, without attachment extraction, for raw messages. */
final class ScreeningFixture {

    static final String SENDER = "medewerker@gemeente.example";

    private final Screener screener;

    ScreeningFixture(String extraYaml, ContentExtractor extractor) {
        LekwachtConfig config = new ConfigLoader(Map.of()).parse(
                "organisation: {internal-domains: [gemeente.example]}\n" + extraYaml);
        if (!config.problems().isEmpty()) {
            throw new IllegalArgumentException(config.problems().toString());
        }
        this.screener = PolicySide.screener(config, extractor, InspectSide.inspector(config, HistoryView.EMPTY), true);
    }

    ScreeningFixture(String extraYaml) {
        this(extraYaml, ContentExtractor.NONE);
    }

    ScreeningFixture() {
        this("");
    }

    /** Screens {@code mail} (header and body, CRLF line ends) sent from {@link #SENDER} to a partner. */
    Screened screen(String mail) {
        return screen(mail.getBytes(StandardCharsets.UTF_8));
    }

    Screened screen(byte[] mail) {
        Envelope envelope = new Envelope("t", SENDER, List.of("iemand@partner.example"),
                InetAddress.getLoopbackAddress(), "t", Optional.empty(), Instant.EPOCH);
        try (Spool spool = Spool.ofBytes(mail)) {
            return screener.screen(envelope, spool);
        }
    }

    static String headers(String contentType) {
        return "From: <" + SENDER + ">\r\nTo: <iemand@partner.example>\r\nSubject: test\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: " + contentType + "\r\n\r\n";
    }
}

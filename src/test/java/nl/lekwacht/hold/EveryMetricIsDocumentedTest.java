package nl.lekwacht.hold;

import static nl.lekwacht.hold.HoldFixture.SENDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.Messages;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric family a live gateway exports, after it delivered, held and released mail, is in the
 * "Exported today" table of deploy/metrics.md, where admins and the alert rules look for it.
 */
class EveryMetricIsDocumentedTest {

    private static final Path DOC = Path.of("deploy", "metrics.md");
    private static final Pattern TYPE = Pattern.compile("(?m)^# TYPE (lekwacht_[a-z_]+) ");
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `(lekwacht_[a-z_]+)`");
    private static final String BOB = "bob@extern.example";

    @TempDir
    Path data;

    @Test
    void everyMetricOfALiveGatewayIsInTheMetricsDocument() throws Exception {
        ManualScheduler background = new ManualScheduler();
        HoldFixture web = HoldFixture.create();
        String scrape;
        try (CapturingNextHop nextHop = new CapturingNextHop();
             Gateway gateway = TestGateway.startGateway(data, nextHop.port(), HoldFixture.HOLD_YAML, background)) {
            HoldFixture.send(gateway.smtpPort(), SENDER, List.of("carol@gemeente.example"),
                    Messages.simple(SENDER, "carol@gemeente.example", "Overleg", "Tot morgen."));
            String ref = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, List.of(BOB),
                    HoldFixture.bsnMessage("Metriek", List.of(BOB), 51)));
            HoldFixture.Link link = HoldFixture.notification(background, nextHop, SENDER, ref);
            web.act(gateway.webPort(), link.token(), "send", "grondslag");
            background.runRound(ManualScheduler.HOLD_LOOP);
            scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + gateway.webPort() + "/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        }
        Set<String> exported = names(TYPE, scrape);
        Set<String> documented = names(ROW, exportedSection());
        assertThat(exported).as("the scrape has our metrics").contains("lekwacht_messages_total",
                "lekwacht_hold_deliveries_total", "lekwacht_ocr_images_total");
        assertThat(documented).as("metrics exported but missing from " + DOC).containsAll(exported);
    }

    private static String exportedSection() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf("## Exported today");
        assertThat(start).as("section 'Exported today' in " + DOC).isNotNegative();
        int end = doc.indexOf("\n## ", start + 1);
        return doc.substring(start, end < 0 ? doc.length() : end);
    }

    private static Set<String> names(Pattern pattern, String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}

package nl.lekwacht.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import com.github.benmanes.caffeine.cache.Ticker;
import nl.lekwacht.Gateway;
import nl.lekwacht.config.ConfigLoader;
import nl.lekwacht.config.LekwachtConfig;

/**
 * A real gateway on random ports with GreenMail as its next hop and an H2 store in a temp folder.
 * Extra YAML is merged in by appending sections; a test passes whole sections it wants to change.
 */
public final class TestGateway implements AutoCloseable {

    public final GreenMail nextHop;
    public final Gateway gateway;

    private TestGateway(GreenMail nextHop, Gateway gateway) {
        this.nextHop = nextHop;
        this.gateway = gateway;
    }

    /** Starts GreenMail and a gateway relaying to it. */
    public static TestGateway start(Path dataDir, String extraYaml) throws Exception {
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        try {
            return new TestGateway(greenMail, startGateway(dataDir, greenMail.getSmtp().getPort(), extraYaml));
        } catch (Exception | Error e) {
            greenMail.stop();
            throw e;
        }
    }

    /** Starts only a gateway, relaying to {@code nextHopPort}. */
    public static Gateway startGateway(Path dataDir, int nextHopPort, String extraYaml) throws Exception {
        return Gateway.start(config(dataDir, nextHopPort, extraYaml), Clock.systemUTC());
    }

    /**
     * Starts only a gateway, relaying to {@code nextHopPort}, whose background loops (hold loop, sweeps,
     * notice senders, history writer) run only when the test runs {@code background}.
     */
    public static Gateway startGateway(Path dataDir, int nextHopPort, String extraYaml, ManualScheduler background)
            throws Exception {
        return startGateway(dataDir, nextHopPort, extraYaml, Clock.systemUTC(), background);
    }

    /** As {@link #startGateway(Path, int, String, ManualScheduler)}, on {@code clock}. */
    public static Gateway startGateway(Path dataDir, int nextHopPort, String extraYaml, Clock clock,
                                       ManualScheduler background) throws Exception {
        return Gateway.start(config(dataDir, nextHopPort, extraYaml), new Gateway.Time(clock, Ticker.systemTicker(),
                ForkJoinPool.commonPool(), background.byName()));
    }

    public static LekwachtConfig config(Path dataDir, int nextHopPort, String extraYaml) throws IOException {
        String yaml = yaml(dataDir, nextHopPort, extraYaml);
        LekwachtConfig config = new ConfigLoader(Map.of()).parse(yaml);
        if (!config.problems().isEmpty()) {
            throw new IllegalArgumentException("test config invalid: " + config.problems() + "\n" + yaml);
        }
        return config;
    }

    /** The base configuration; sections in {@code extraYaml} replace those of the same name. */
    public static String yaml(Path dataDir, int nextHopPort, String extraYaml) {
        Map<String, String> sections = new java.util.LinkedHashMap<>();
        sections.put("smtp", "smtp:\n  listen: 127.0.0.1:0\n  hostname: relay.test\n  spool-directory: "
                + dataDir.resolve("spool") + "\n  spool-memory-threshold: 64KB\n");
        sections.put("downstream", "downstream:\n  host: 127.0.0.1\n  port: " + nextHopPort
                + "\n  connect-timeout: 5s\n  command-timeout: 10s\n  data-timeout: 20s\n");
        sections.put("organisation", "organisation:\n  internal-domains: [gemeente.example]\n");
        sections.put("web", "web:\n  listen: 127.0.0.1:0\n");
        sections.put("store", "store:\n  url: jdbc:h2:file:" + dataDir.resolve("store").toAbsolutePath() + "\n");
        String current = null;
        StringBuilder extra = new StringBuilder();
        for (String line : (extraYaml == null ? "" : extraYaml).split("\n", -1)) {
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && line.contains(":")) {
                if (current != null) {
                    sections.put(current, extra.toString());
                }
                current = line.substring(0, line.indexOf(':')).trim();
                extra = new StringBuilder();
            }
            if (current != null) {
                extra.append(line).append('\n');
            }
        }
        if (current != null) {
            sections.put(current, extra.toString());
        }
        return String.join("", sections.values());
    }

    public int smtpPort() {
        return gateway.smtpPort();
    }

    @Override
    public void close() {
        try {
            gateway.close();
        } finally {
            nextHop.stop();
        }
    }
}

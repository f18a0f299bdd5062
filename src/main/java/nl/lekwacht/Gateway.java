package nl.lekwacht;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import com.github.benmanes.caffeine.cache.Ticker;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.config.SmtpConfig;
import nl.lekwacht.history.HistoryView;
import nl.lekwacht.inspect.Inspector;
import nl.lekwacht.message.ContentExtractor;
import nl.lekwacht.message.MessageParser;
import nl.lekwacht.message.spool.SpoolDirectory;
import nl.lekwacht.policy.Policy;
import nl.lekwacht.policy.Screening;
import nl.lekwacht.smtp.DeliveryObserver;
import nl.lekwacht.smtp.HoldDesk;
import nl.lekwacht.smtp.NextHop;
import nl.lekwacht.smtp.RelayMetrics;
import nl.lekwacht.smtp.RelayServer;
import nl.lekwacht.smtp.TlsContexts;
import nl.lekwacht.store.Database;
import nl.lekwacht.web.ClientAddress;
import nl.lekwacht.web.HealthRoutes;
import nl.lekwacht.web.NetworkGuard;
import nl.lekwacht.web.StaticAssets;
import nl.lekwacht.web.WebModule;
import nl.lekwacht.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one wiring class: builds every part with {@code new}, from a validated configuration, and
 * closes them in reverse order. Nothing else in the code base sees all packages.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Gateway.class);
    private static final int MAX_BODY_CHARS = 20 * 1024 * 1024;
    private static final int MAX_PARTS = 10_000;

    private final Database database;
    private final ContentExtractor extractor;
    private final RelayServer relay;
    private final WebServer web;
    private final NextHop nextHop;
    private final RelayMetrics metrics;
    private final HoldWiring holds;
    private final RegisterWiring register;
    private final HistoryWiring history;

    private Gateway(Database database, ContentExtractor extractor, RelayServer relay, WebServer web,
                    NextHop nextHop, RelayMetrics metrics, HoldWiring holds, RegisterWiring register,
                    HistoryWiring history) {
        this.history = history;
        this.database = database;
        this.extractor = extractor;
        this.relay = relay;
        this.web = web;
        this.nextHop = nextHop;
        this.metrics = metrics;
        this.holds = holds;
        this.register = register;
    }

    /**
     * Builds and starts the gateway.
     *
     * @throws IllegalArgumentException when the configuration has problems (they are all in the message)
     */
    public static Gateway start(LekwachtConfig config, Clock clock) throws IOException, GeneralSecurityException {
        return start(config, new Time(clock, Ticker.systemTicker(), ForkJoinPool.commonPool()));
    }

    /**
     * Where the gateway gets its time from: the wall clock for holds, tokens and deadlines, a ticker
     * for cache ageing, the executor that refreshes caches, and the one that writes learned history
     * (null: a background writer). Tests inject fakes and direct executors instead of sleeping.
     */
    public record Time(Clock clock, Ticker ticker, Executor refresher, Executor historyWrites) {
        public Time(Clock clock, Ticker ticker, Executor refresher) {
            this(clock, ticker, refresher, null);
        }
    }

    /** Builds and starts the gateway with injected time (tests). */
    public static Gateway start(LekwachtConfig config, Time time) throws IOException, GeneralSecurityException {
        Clock clock = time.clock();
        if (!config.problems().isEmpty()) {
            throw new IllegalArgumentException("invalid configuration:\n  " + String.join("\n  ",
                    config.problems().stream().map(Object::toString).toList()));
        }
        Database database = Database.open(config.store());
        ContentExtractor extractor = null;
        RelayServer relay = null;
        HoldWiring holds = null;
        RegisterWiring register = null;
        HistoryWiring history = null;
        try {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            RelayMetrics metrics = new RelayMetrics(registry);
            extractor = Detectors.extractor(config);
            history = new HistoryWiring(config, database, time);
            Screening screening = screening(config, extractor, history.service(), true);
            SSLSocketFactory nextHopTls = TlsContexts.client(
                    config.downstream().truststore().map(Path::of).orElse(null),
                    config.downstream().truststorePassword());
            NextHop nextHop = new NextHop(config.downstream(), nextHopTls, metrics);
            SpoolDirectory spool = new SpoolDirectory(config.smtp().spoolDirectory(),
                    config.smtp().spoolMemoryThreshold());
            spool.sweep();
            register = new RegisterWiring(config, database, clock);
            holds = HoldWiring.build(config, database, registry, nextHop, nextHopTls, metrics, clock,
                    register.overrides);
            HoldDesk holdDesk = holds.service();
            List<DeliveryObserver> observers = new ArrayList<>();
            observers.add(history.learner());
            observers.add(register.deliveries(holds.mailer()));
            relay = new RelayServer(new RelayServer.Parts(config.smtp(), nextHop, screening, holdDesk, observers,
                    spool, metrics, serverTls(config.smtp()), clock));
            ClientAddress clientAddress = new ClientAddress(config.web().trustedProxies());
            NetworkGuard adminNetworks = new NetworkGuard(config.web().adminNetworks(), clientAddress);
            RelayServer relayRef = relay;
            List<WebModule> modules = new ArrayList<>(List.of(new HealthRoutes(database::isReachable,
                    nextHop::isReachable, relayRef::isDraining, registry, adminNetworks, clock), new StaticAssets(),
                    holds.pages(), holds.adminPages()));
            modules.addAll(register.modules());
            WebServer web = new WebServer(config.web(), modules, config.register().intake().uploadBytes());
            // learn what the next hop offers before the first client asks (EHLO advertises only that)
            Thread probe = new Thread(nextHop::isReachable, "lekwacht-nexthop-probe");
            probe.setDaemon(true);
            probe.start();
            relay.start();
            web.start();
            holds.start();
            register.start();
            history.start();
            return new Gateway(database, extractor, relay, web, nextHop, metrics, holds, register, history);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (relay != null) {
                relay.close();
            }
            if (holds != null) {
                holds.close();
            }
            if (register != null) {
                register.close();
            }
            if (extractor != null) {
                extractor.close();
            }
            if (history != null) {
                history.close();
            }
            database.close();
            throw e;
        }
    }

    /** The chain without correspondence history. */
    static Screening screening(LekwachtConfig config, ContentExtractor extractor, boolean holdingAvailable) {
        return screening(config, extractor, HistoryView.EMPTY, holdingAvailable);
    }

    /** The parse-extract-inspect-decide chain, also used by {@code scan}. */
    static Screening screening(LekwachtConfig config, ContentExtractor extractor, HistoryView history,
                               boolean holdingAvailable) {
        Inspector inspector = new Inspector(Detectors.plain(config, history), Detectors.followUps(config, history));
        Policy policy = new Policy(config.policy(), config.organisation(), holdingAvailable);
        return new Screening(new MessageParser(MAX_BODY_CHARS, MAX_PARTS), extractor, inspector, policy);
    }

    private static Optional<SSLContext> serverTls(SmtpConfig smtp) throws IOException, GeneralSecurityException {
        if (smtp.tls().mode() == SmtpConfig.TlsMode.NONE || smtp.tls().keystore().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(TlsContexts.server(smtp.tls().keystore().get(), smtp.tls().keystorePassword()));
    }

    public int smtpPort() {
        return relay.port();
    }

    public int webPort() {
        return web.port();
    }

    /** True once {@link #drain} began: new sessions and transactions are turned away. */
    public boolean isDraining() {
        return relay.isDraining();
    }

    public RelayMetrics metrics() {
        return metrics;
    }

    public Database database() {
        return database;
    }

    /**
     * Drains: new sessions and transactions get 421, those in flight finish (at most {@code timeout}),
     * then everything stops.
     */
    public void drain(Duration timeout) {
        log.info("draining: refusing new mail, finishing transactions in flight");
        relay.drain(timeout);
        close();
    }

    @Override
    public void close() {
        relay.close();
        web.close();
        holds.close();
        register.close();
        extractor.close();
        history.close();
        database.close();
    }
}

package nl.lekwacht;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.flow.Screener;
import nl.lekwacht.history.HistorySide;
import nl.lekwacht.hold.HoldSide;
import nl.lekwacht.inspect.InspectSide;
import nl.lekwacht.intake.IntakeSide;
import nl.lekwacht.login.LoginSide;
import nl.lekwacht.message.ContentExtractor;
import nl.lekwacht.policy.PolicySide;
import nl.lekwacht.register.IncidentLinking;
import nl.lekwacht.register.RegisterSide;
import nl.lekwacht.smtp.RelayMetrics;
import nl.lekwacht.smtp.SmtpSide;
import nl.lekwacht.store.Database;
import nl.lekwacht.store.StoreSide;
import nl.lekwacht.tls.TlsSide;
import nl.lekwacht.web.WebSide;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that sees every package: composes each feature's entry in dependency order — the
 * store, the outboxes, history, the screening, the register, the hold side, intake, login, the web
 * side, the relay — and closes them in reverse. Nothing is handed over later and nothing is built twice.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Gateway.class);

    /** The executor that reads the certificate files for a change. */
    public static final String TLS_RELOAD = "lekwacht-tls-reload";

    private final StoreSide store;
    private final SmtpSide smtp;
    private final WebSide web;
    private final Deque<AutoCloseable> parts;

    private Gateway(StoreSide store, SmtpSide smtp, WebSide web, Deque<AutoCloseable> parts) {
        this.store = store;
        this.smtp = smtp;
        this.web = web;
        this.parts = parts;
    }

    /**
     * Where the gateway gets its time from: the wall clock for holds, tokens and deadlines, a ticker for
     * cache ageing, the executor that refreshes caches, and the executors of the background loops (hold
     * loop, sweeps, notice senders, the history writer), made by name. With {@code background} null each
     * loop gets a daemon thread of its own; tests pass executors they run by hand instead of sleeping.
     */
    public record Time(Clock clock, Ticker ticker, Executor refresher,
                       Function<String, ScheduledExecutorService> background) {
        public Time(Clock clock, Ticker ticker, Executor refresher) {
            this(clock, ticker, refresher, null);
        }

        ScheduledExecutorService scheduler(String name) {
            return background != null ? background.apply(name) : Executors.newSingleThreadScheduledExecutor(daemon(name));
        }

        /** One thread with a bounded queue; {@code whenFull} decides what a full queue does. */
        ExecutorService worker(String name, int queue, RejectedExecutionHandler whenFull) {
            return background != null ? background.apply(name) : new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS,
                    queue > 0 ? new ArrayBlockingQueue<>(queue) : new LinkedBlockingQueue<>(), daemon(name), whenFull);
        }
    }

    /**
     * Builds and starts the gateway.
     *
     * @throws IllegalArgumentException when the configuration has problems (they are all in the message)
     */
    public static Gateway start(LekwachtConfig config, Clock clock) throws IOException, GeneralSecurityException {
        return start(config, new Time(clock, Ticker.systemTicker(), ForkJoinPool.commonPool()));
    }

    /** Builds and starts the gateway with injected time (tests). */
    public static Gateway start(LekwachtConfig config, Time time) throws IOException, GeneralSecurityException {
        InspectSide.validate(config);
        PolicySide.settings(config);
        if (!config.problems().isEmpty()) {
            throw new IllegalArgumentException("invalid configuration:\n  " + String.join("\n  ",
                    config.problems().stream().map(Object::toString).toList()));
        }
        Clock clock = time.clock();
        StoreSide store = StoreSide.open(config.store());
        Deque<AutoCloseable> parts = new ArrayDeque<>();
        parts.push(store);
        try {
            store.verifySharedSecrets(config.hold(), clock);
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            SmtpSide smtp = SmtpSide.open(config, registry);
            TlsSide tls = TlsSide.open(config.smtp().tls().served(), config.web().tls());
            parts.push(tls);
            ContentExtractor extractor = InspectSide.extractor(config);
            parts.push(extractor);
            InspectSide.meter(extractor, registry);
            HistorySide history = HistorySide.build(config, store.history(), clock, time.ticker(), time.refresher(),
                    time.worker("lekwacht-history-writer", 10_000, new ThreadPoolExecutor.CallerRunsPolicy()),
                    time.scheduler("lekwacht-history-purge"));
            parts.push(history);
            Screener screener = PolicySide.screener(config, extractor, InspectSide.inspector(config, history.view()),
                    true);
            RegisterSide register = RegisterSide.build(config, store.incidents(), smtp.notices(), clock,
                    time.worker("lekwacht-register-notices", 10_000, new ThreadPoolExecutor.AbortPolicy()),
                    time.scheduler("lekwacht-register-sweep"), history::unlearn, screener, smtp.releases(),
                    IncidentLinking.SentHolds.in(store.holds().holds()));
            parts.push(register);
            HoldSide holds = HoldSide.build(config, store.holds(), smtp.releases(), smtp.notices(), registry,
                    register.overrides(), PolicySide.settings(config).incidentOnOverride(), screener, clock,
                    time.scheduler("lekwacht-hold-loop"));
            parts.push(holds);
            IntakeSide intake = IntakeSide.build(config, register.register(), store.reports(), store.reportCounters(),
                    store.documents(), smtp.notices(), clock,
                    time.worker("lekwacht-intake-notices", 10_000, new ThreadPoolExecutor.AbortPolicy()),
                    time.scheduler("lekwacht-intake-sweep"));
            parts.push(intake);
            LoginSide login = LoginSide.build(config.web(), store.accounts(), store.sessions(), store.loginCounters(),
                    clock, time.scheduler("lekwacht-login-sweep"));
            parts.push(login);
            WebSide web = WebSide.build(config, new WebSide.Health(store.database()::isReachable,
                    smtp::nextHopReachable, smtp::isDraining), registry, login, holds, register.register(), intake,
                    register.letters(), clock, tls.web());
            parts.push(web);
            smtp.relay(screener, holds.desk(), List.of(
                    delivered -> history.learn(delivered.screened().message(), delivered.at()),
                    register.deliveries()), clock, tls.smtp());
            parts.push(smtp); // the relay stops first, so nothing it still takes meets a closed part
            web.start();
            holds.start();
            register.start();
            intake.start();
            login.start();
            history.start();
            tls.watch(time.scheduler(TLS_RELOAD));
            // the relay listens last: a start-up chore that fails (the store away for a moment) ends the start
            // before any mail was taken, instead of ending a process that already answers clients
            smtp.start();
            return new Gateway(store, smtp, web, parts);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            closeAll(parts);
            throw e;
        }
    }

    public int smtpPort() {
        return smtp.port();
    }

    public int webPort() {
        return web.port();
    }

    /** Every HTTP route the web side answers, as {@code "METHOD /path"}. */
    public List<String> webRoutes() {
        return web.routes();
    }

    /** True once {@link #drain} began: new sessions and transactions are turned away. */
    public boolean isDraining() {
        return smtp.isDraining();
    }

    public RelayMetrics metrics() {
        return smtp.metrics();
    }

    public Database database() {
        return store.database();
    }

    /**
     * Drains: new sessions and transactions get 421, those in flight finish (at most {@code timeout}),
     * then everything stops.
     */
    public void drain(Duration timeout) {
        log.info("draining: refusing new mail, finishing transactions in flight");
        smtp.drain(timeout);
        close();
    }

    @Override
    public void close() {
        closeAll(parts);
    }

    private static void closeAll(Deque<AutoCloseable> parts) {
        while (!parts.isEmpty()) {
            try {
                parts.pop().close();
            } catch (Exception e) {
                log.warn("while stopping: {}", e.toString());
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}

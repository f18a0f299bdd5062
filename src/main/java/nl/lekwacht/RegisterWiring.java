package nl.lekwacht;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.config.RegisterConfig;
import nl.lekwacht.hold.LinkTokens;
import nl.lekwacht.intake.Confirmations;
import nl.lekwacht.intake.IncidentDocuments;
import nl.lekwacht.intake.ReportIntake;
import nl.lekwacht.register.DeliveredMail;
import nl.lekwacht.register.Facts;
import nl.lekwacht.register.FormDerivation;
import nl.lekwacht.register.IncidentRegister;
import nl.lekwacht.register.OfficerAnnouncer;
import nl.lekwacht.register.OverrideIncidents;
import nl.lekwacht.register.ReportNoticeMailer;
import nl.lekwacht.register.SeverityEstimate;
import nl.lekwacht.register.Workflow;
import nl.lekwacht.smtp.DeliveryObserver;
import nl.lekwacht.smtp.SystemMailer;
import nl.lekwacht.store.Database;
import nl.lekwacht.store.auth.JdbcAccounts;
import nl.lekwacht.store.auth.JdbcSessionStore;
import nl.lekwacht.store.auth.JdbcThrottleStore;
import nl.lekwacht.store.intake.JdbcDocumentStore;
import nl.lekwacht.store.intake.JdbcReportStore;
import nl.lekwacht.store.register.JdbcIncidentStore;
import nl.lekwacht.web.ClientAddress;
import nl.lekwacht.web.NetworkGuard;
import nl.lekwacht.web.Pages;
import nl.lekwacht.text.Texts;
import nl.lekwacht.web.WebModule;
import nl.lekwacht.web.auth.ConfigAccounts;
import nl.lekwacht.web.auth.JteLoginPage;
import nl.lekwacht.web.auth.LoginService;
import nl.lekwacht.web.auth.Tokens;
import nl.lekwacht.web.auth.WebAuth;
import nl.lekwacht.web.intake.DocumentPages;
import nl.lekwacht.web.intake.ReportFormPages;
import nl.lekwacht.web.intake.ReportViewPages;
import nl.lekwacht.web.register.IncidentApi;
import nl.lekwacht.web.register.RegisterPages;
import nl.lekwacht.web.register.ReportPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the web login and the breach register for {@link Gateway}: the auth module every protected
 * route relies on, the register with its store, the override listener the hold side calls, the
 * delivery observer and the register's pages and API. Also runs the hourly sweep (expired sessions,
 * old login failures, retention). Part of the wiring, so it sees every package.
 */
final class RegisterWiring implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RegisterWiring.class);

    final WebAuth auth;
    final IncidentRegister register;
    final OverrideIncidents overrides;
    private final LoginService logins;
    private final JdbcIncidentStore store;
    private final JdbcReportStore reports;
    private final ReportIntake intake;
    private final IncidentDocuments documents;
    private final ClientAddress clientAddress;
    private final LekwachtConfig config;
    private final Pages pages;
    private final Facts facts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private static final String REGISTER_TEXTS = "nl/lekwacht/web/register/messages";
    /** The hold side's mailer, known once {@link #deliveries} is called (the hold side is built after us). */
    private final AtomicReference<SystemMailer> mailer = new AtomicReference<>();
    private final ThreadPoolExecutor noticeSender = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(10_000), r -> daemon(r, "lekwacht-register-notices"));
    private final ScheduledExecutorService sweeper = new ScheduledThreadPoolExecutor(1,
            r -> daemon(r, "lekwacht-register-sweep"));

    RegisterWiring(LekwachtConfig config, Database database, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.pages = new Pages();
        var web = config.web();
        this.clientAddress = new ClientAddress(web.trustedProxies());
        Tokens tokens = new Tokens(random);
        this.logins = new LoginService(new ConfigAccounts(web.users()).orElse(new JdbcAccounts(database.dataSource())),
                web.apiTokens(), new JdbcSessionStore(database.dataSource()),
                new JdbcThrottleStore(database.dataSource()), tokens, clock, LoginService.Limits.defaults());
        this.auth = new WebAuth(logins, new NetworkGuard(web.adminNetworks(), clientAddress), clientAddress,
                secure(config), new JteLoginPage(pages, web.language()), tokens);
        this.store = new JdbcIncidentStore(database.dataSource());
        SeverityEstimate severity = new SeverityEstimate();
        ReportNoticeMailer.Sender toOfficer = (message, from, to) -> send(mailer.get(), message, from, to);
        this.register = new IncidentRegister(store, new FormDerivation(config.organisation(),
                config.register().deadlineHours(), severity), severity, new Workflow(), clock,
                new OfficerAnnouncer(config.register().privacyOfficerEmail(), config.hold().notifyFrom(),
                        web.publicUrl(), toOfficer, Texts.load(web.language(), REGISTER_TEXTS),
                        config.hold().timeZone(), noticeSender));
        this.facts = new Facts(config.organisation());
        this.overrides = new OverrideIncidents(register, facts);
        this.reports = new JdbcReportStore(database.dataSource());
        RegisterConfig.Intake limits = config.register().intake();
        this.intake = new ReportIntake(register, reports, reports, new Confirmations(toOfficer,
                config.hold().notifyFrom(), Texts.load(web.language(), ReportFormPages.BUNDLE), reports, limits,
                clock, noticeSender), limits, clock);
        this.documents = new IncidentDocuments(register, new JdbcDocumentStore(database.dataSource()),
                limits.uploadBytes(), clock);
    }

    /** The observer that opens incidents for delivered mail and mails report links with {@code mailer}. */
    DeliveryObserver deliveries(SystemMailer systemMailer) {
        mailer.set(systemMailer);
        ReportNoticeMailer.Sender sender = (message, from, to) -> send(systemMailer, message, from, to);
        RegisterConfig settings = config.register();
        ReportNoticeMailer notices = new ReportNoticeMailer(register, sender,
                Texts.load(config.web().language(), REGISTER_TEXTS),
                new ReportNoticeMailer.Settings(config.hold().notifyFrom(), config.web().publicUrl(),
                        settings.notificationRetention()), config.organisation()::isInternal, random, noticeSender);
        return new DeliveredMail(register, facts, notices);
    }

    private static void send(SystemMailer mailer, jakarta.mail.internet.MimeMessage message, String from,
                             List<String> to) throws java.io.IOException {
        if (mailer == null) {
            throw new java.io.IOException("no mailer wired");
        }
        SystemMailer.Result result = mailer.send(message, from, to);
        if (result.delivered().isEmpty()) {
            throw new java.io.IOException("not accepted: " + result.temporary() + result.permanent());
        }
    }

    /** Login, the register's pages, its API and the senders' report pages. */
    List<WebModule> modules() {
        ZoneId zone = config.hold().timeZone();
        String language = config.web().language();
        return List.of(auth, new RegisterPages(register, pages, language, zone), new IncidentApi(register, language),
                new ReportPages(register, pages, language, random, secure(config)),
                new ReportFormPages(intake, pages, language, new LinkTokens(formSecret(), random, clock),
                        clientAddress, auth, config.register().intake().staffNetworks()),
                new DocumentPages(register, documents, pages, language, zone),
                new ReportViewPages(register, reports, pages, language));
    }

    /** Starts the hourly sweep. */
    void start() {
        sweeper.scheduleWithFixedDelay(this::sweep, 1, 60, TimeUnit.MINUTES);
    }

    void sweep() {
        try {
            logins.sweep();
            Instant now = clock.instant();
            RegisterConfig settings = config.register();
            int stripped = store.stripFinishedBefore(now.minus(settings.retention()));
            int audit = store.deleteAuditBefore(now.minus(settings.auditRetention()));
            int links = store.deleteReportLinksBefore(now);
            RegisterConfig.Intake limits = settings.intake();
            reports.deleteOlderThan(now.minus(limits.reportWindow().compareTo(limits.confirmationWindow()) > 0
                    ? limits.reportWindow() : limits.confirmationWindow()));
            if (stripped + audit + links > 0) {
                log.info("register retention: {} incidents stripped of message metadata, {} audit entries and {} "
                        + "report links deleted", stripped, audit, links);
            }
        } catch (RuntimeException e) {
            log.warn("register sweep failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        noticeSender.shutdown();
    }

    /** Signs the report forms' CSRF tokens: the link secret every instance shares, else one of this process. */
    private byte[] formSecret() {
        String shared = config.hold().linkSecret();
        if (shared.isEmpty()) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            return secret;
        }
        return (shared + "|report-forms").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static boolean secure(LekwachtConfig config) {
        return config.web().publicUrl().startsWith("https://");
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }
}

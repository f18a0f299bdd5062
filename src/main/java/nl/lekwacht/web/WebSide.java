package nl.lekwacht.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import java.util.function.BooleanSupplier;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.hold.HoldSide;
import nl.lekwacht.hold.LinkTokens;
import nl.lekwacht.intake.IntakeSide;
import nl.lekwacht.login.LoginSide;
import nl.lekwacht.register.FollowUpLetters;
import nl.lekwacht.register.IncidentRegister;
import nl.lekwacht.register.figures.Figures;
import nl.lekwacht.web.auth.JteLoginPage;
import nl.lekwacht.web.auth.WebAuth;
import nl.lekwacht.web.hold.AdminHoldPages;
import nl.lekwacht.web.hold.HoldPages;
import nl.lekwacht.web.intake.DocumentPages;
import nl.lekwacht.web.intake.ReportFormPages;
import nl.lekwacht.web.intake.ReportViewPages;
import nl.lekwacht.web.pdf.PdfRenderer;
import nl.lekwacht.web.register.DossierPages;
import nl.lekwacht.web.register.IncidentApi;
import nl.lekwacht.web.register.LetterPages;
import nl.lekwacht.web.register.LinkPages;
import nl.lekwacht.web.register.RegisterPages;
import nl.lekwacht.web.register.ReportPages;
import nl.lekwacht.web.register.StartPage;
import nl.lekwacht.web.register.YearOverviewPage;
import nl.lekwacht.web.pdf.PdfRenderer;

/**
 * The web package's entry: one page renderer, one client-address reader and one admin-network guard
 * for every module; the login guard; health, the confirmation pages, the admin view of holds, the
 * register, its API, the report links and forms and the documents; and the server that carries them.
 */
public final class WebSide implements AutoCloseable {

    private final WebServer server;

    private WebSide(WebServer server) {
        this.server = server;
    }

    /** What readiness asks: the store and the next hop answer, and the instance is not draining. */
    public record Health(BooleanSupplier storeReachable, BooleanSupplier nextHopReachable, BooleanSupplier draining) {
    }

    public static WebSide build(LekwachtConfig config, Health health, PrometheusMeterRegistry registry,
                                LoginSide login, HoldSide holds, IncidentRegister register, IntakeSide intake,
                                FollowUpLetters letters, Clock clock, Optional<SSLContext> tls) {
        var web = config.web();
        ZoneId zone = config.hold().timeZone();
        String language = web.language();
        boolean secure = web.publicUrl().startsWith("https://");
        SecureRandom random = new SecureRandom();
        Pages pages = new Pages();
        ClientAddress clientAddress = new ClientAddress(web.trustedProxies());
        NetworkGuard adminNetworks = new NetworkGuard(web.adminNetworks(), clientAddress);
        WebAuth auth = new WebAuth(login.logins(), adminNetworks, clientAddress, secure,
                new JteLoginPage(pages, language), login.tokens());
        Figures figures = new Figures(register.queries(), holds.nearMisses(), config.register().departments(), zone);
        List<WebModule> modules = List.of(
                new HealthRoutes(health.storeReachable(), health.nextHopReachable(), health.draining(), registry,
                        adminNetworks, clock),
                new StaticAssets(),
                new HoldPages(holds.lookup(), holds.decisions(), holds.tokens(), pages, holds.texts(), zone,
                        config.organisation()::isInternal, clock, config.hold().expiry()),
                new AdminHoldPages(holds.lookup(), holds.decisions(), pages, new PageLanguage(language, HoldSide::texts),
                        zone, config.organisation()::isInternal, clock),
                auth,
                // before the register's pages, whose /register/{id} would take these paths
                new StartPage(figures, register.queries(), pages, language, zone),
                new YearOverviewPage(figures, register.queries(), pages, new PdfRenderer(), language, zone),
                new RegisterPages(register, pages, language, zone),
                new DossierPages(register, intake.documents(), pages, language, zone,
                        config.register().privacyOfficerEmail(), new PdfRenderer()),
                new LetterPages(register, letters, pages, language, zone),
                new LinkPages(register, pages, language, zone),
                new IncidentApi(register, language),
                new ReportPages(register, pages, language, random, secure, config.register().intake(), registry),
                new ReportFormPages(intake.intake(), pages, language,
                        new LinkTokens(formSecret(config.hold().linkSecret(), random), random, clock), clientAddress,
                        auth, config.register().intake().staffNetworks(), registry),
                new DocumentPages(register, intake.documents(), pages, language, zone),
                new ReportViewPages(register, intake.reports(), pages, language));
        return new WebSide(new WebServer(web, modules, config.register().intake().uploadBytes(), tls));
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }

    /** Signs the report forms' CSRF tokens: the link secret every instance shares, else one of this process. */
    private static byte[] formSecret(String shared, SecureRandom random) {
        if (shared.isEmpty()) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            return secret;
        }
        return (shared + "|report-forms").getBytes(StandardCharsets.UTF_8);
    }
}

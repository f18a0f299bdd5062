package nl.lekwacht.web.register;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.lekwacht.web.PageLanguage;
import nl.lekwacht.config.RegisterConfig;
import nl.lekwacht.register.Incident;
import nl.lekwacht.register.IncidentRegister;
import nl.lekwacht.register.IncidentStore.ReportLink;
import nl.lekwacht.web.Pages;
import nl.lekwacht.text.Texts;
import nl.lekwacht.web.WebModule;

/**
 * {@code GET/POST /r/{token}}: the sender of a delivered message with findings reports that it went
 * wrong, which opens or completes its incident. The link may face the internet: GET changes nothing,
 * the form carries a token that must match a SameSite=Strict cookie set with the page. One link takes
 * {@code register.report-link-submissions} reports of at most {@code register.report-text-chars}
 * characters each; past that the sender is asked to contact the privacy officer, and
 * {@code lekwacht_report_limit_reached_total{form="report-link"}} counts it.
 */
public final class ReportPages implements WebModule {

    private static final String COOKIE = "lekwacht_report";

    private final IncidentRegister register;
    private final Pages pages;
    private final PageLanguage language;
    private final SecureRandom random;
    private final boolean secureCookies;
    private final RegisterConfig.Intake limits;
    private final Counter limitReached;

    public ReportPages(IncidentRegister register, Pages pages, String defaultLanguage, SecureRandom random,
                       boolean secureCookies, RegisterConfig.Intake limits, MeterRegistry registry) {
        this.register = register;
        this.pages = pages;
        this.language = new PageLanguage(defaultLanguage, RegisterPages.BUNDLE);
        this.random = random;
        this.secureCookies = secureCookies;
        this.limits = limits;
        this.limitReached = Counter.builder("lekwacht.report.limit.reached")
                .description("reports refused because a limit of the report forms or links was reached")
                .tags("form", "report-link", "limit", "submissions").register(registry);
    }

    @Override
    public void install(JavalinConfig config) {
        config.routes.get("/r/{token}", this::show);
        config.routes.post("/r/{token}", this::report);
    }

    private void show(Context ctx) {
        Texts t = language.of(ctx);
        Optional<ReportLink> link = register.links().reportLink(ctx.pathParam("token"));
        if (link.isEmpty()) {
            pages.message(ctx, 404, t, t.get("report.invalid.title"), t.get("report.invalid"));
            return;
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ctx.res().addHeader("Set-Cookie", COOKIE + "=" + csrf + "; Path=/r/; HttpOnly; SameSite=Strict"
                + (secureCookies ? "; Secure" : ""));
        Map<String, Object> params = new HashMap<>();
        params.put("t", t);
        params.put("message", link.get().facts());
        params.put("csrf", csrf);
        pages.send(ctx, 200, "register/report.jte", params);
    }

    private void report(Context ctx) {
        Texts t = language.of(ctx);
        String expected = ctx.cookie(COOKIE);
        String sent = ctx.formParam("csrf");
        if (expected == null || sent == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenResponse("Missing or wrong CSRF token; reload the page");
        }
        Optional<ReportLink> link = register.links().reportLink(ctx.pathParam("token"));
        if (link.isEmpty()) {
            pages.message(ctx, 404, t, t.get("report.invalid.title"), t.get("report.invalid"));
            return;
        }
        String statement = Optional.ofNullable(ctx.formParam("statement")).orElse("");
        if (statement.length() > limits.textChars()) {
            pages.message(ctx, 413, t, t.get("report.tooLong.title"), t.format("report.tooLong", limits.textChars()));
            return;
        }
        Optional<Incident> incident = register.links().report(link.get(), statement, link.get().facts().sender(),
                limits.linkSubmissions());
        if (incident.isEmpty()) {
            limitReached.increment();
            pages.message(ctx, 429, t, t.get("report.limit.title"), t.format("report.limit", limits.linkSubmissions()));
            return;
        }
        pages.message(ctx, 200, t, t.get("report.title"), t.format("report.done", incident.get().reference()));
    }
}

package nl.lekwacht.web.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.lekwacht.config.source.Cidr;
import nl.lekwacht.hold.LinkTokens;
import nl.lekwacht.intake.Question;
import nl.lekwacht.intake.ReportIntake;
import nl.lekwacht.register.Origin;
import nl.lekwacht.web.ClientAddress;
import nl.lekwacht.web.Pages;
import nl.lekwacht.text.Texts;
import nl.lekwacht.web.WebModule;
import nl.lekwacht.login.Principal;
import nl.lekwacht.login.Role;
import nl.lekwacht.web.auth.WebAuth;

/**
 * The report forms: {@code /melden} for residents (public, no login) and {@code /melden/medewerker}
 * for staff (a login with the staff or privacy-officer role, or a visit from
 * {@code register.staff-networks}). No scripts; every answer is shown back escaped. The CSRF token is
 * stateless ({@link LinkTokens}, valid for a day on any instance sharing the link secret), so the
 * public form needs no session.
 */
public final class ReportFormPages implements WebModule {

    /** The texts of these pages and of the confirmation mail. */
    public static final String BUNDLE = Language.BUNDLE;
    static final String RESIDENT_PATH = "/melden";
    static final String STAFF_PATH = "/melden/medewerker";
    private static final Duration CSRF_AGE = Duration.ofDays(1);

    private final ReportIntake intake;
    private final Pages pages;
    private final Language language;
    private final LinkTokens csrf;
    private final ClientAddress clientAddress;
    private final WebAuth auth;
    private final List<Cidr> staffNetworks;
    private final MeterRegistry registry;

    /** @param registry counts the reports refused by a limit ({@code lekwacht_report_limit_reached_total}) */
    public ReportFormPages(ReportIntake intake, Pages pages, String defaultLanguage, LinkTokens csrf,
                           ClientAddress clientAddress, WebAuth auth, List<Cidr> staffNetworks,
                           MeterRegistry registry) {
        this.intake = intake;
        this.pages = pages;
        this.language = new Language(defaultLanguage);
        this.csrf = csrf;
        this.clientAddress = clientAddress;
        this.auth = auth;
        this.staffNetworks = List.copyOf(staffNetworks);
        this.registry = registry;
        for (String form : List.of("melden", "medewerker")) {
            for (String limit : List.of("address", "hourly")) {
                limitReached(form, limit); // shown at 0 from the start, so an alert can compare
            }
        }
    }

    private Counter limitReached(String form, String limit) {
        return Counter.builder("lekwacht.report.limit.reached")
                .description("reports refused because a limit of the report forms or links was reached")
                .tags("form", form, "limit", limit).register(registry);
    }

    @Override
    public void install(JavalinConfig config) {
        config.routes.get(RESIDENT_PATH, ctx -> form(ctx, Origin.RESIDENT, Map.of(), null, List.of(), 200));
        config.routes.post(RESIDENT_PATH, ctx -> submit(ctx, Origin.RESIDENT, ""));
        config.routes.get(STAFF_PATH, ctx -> staff(ctx).ifPresent(who ->
                form(ctx, Origin.STAFF, Map.of(), null, List.of(), 200)));
        config.routes.post(STAFF_PATH, ctx -> {
            Optional<String> who = staff(ctx);
            if (who.isPresent()) {
                submit(ctx, Origin.STAFF, who.get());
            }
        });
    }

    /** The staff member's name (empty for a visit from a staff network), or empty when refused. */
    private Optional<String> staff(Context ctx) {
        Optional<Principal> principal = auth.identify(ctx);
        if (principal.isPresent() && principal.get().hasAny(List.of(Role.STAFF, Role.PRIVACY_OFFICER))) {
            return Optional.of(principal.get().name());
        }
        InetAddress client = clientAddress.of(ctx);
        if (client != null && staffNetworks.stream().anyMatch(n -> n.contains(client))) {
            return Optional.of("");
        }
        if (principal.isPresent()) {
            throw new ForbiddenResponse("Your role does not allow this");
        }
        if (ctx.method().name().equals("GET")) {
            ctx.redirect("/login?next=" + STAFF_PATH, HttpStatus.SEE_OTHER);
        } else {
            ctx.status(401).contentType("text/plain; charset=utf-8").result("Log in first");
        }
        return Optional.empty();
    }

    private void submit(Context ctx, Origin origin, String reporter) {
        Texts t = language.of(ctx);
        String path = origin == Origin.STAFF ? STAFF_PATH : RESIDENT_PATH;
        if (!csrf.validCsrf(path, ctx.formParam("csrf"), CSRF_AGE)) {
            throw new ForbiddenResponse("Missing or expired form token; reload the page and try again");
        }
        Map<String, String> form = new HashMap<>();
        ctx.formParamMap().forEach((k, v) -> form.put(k, v.isEmpty() ? "" : v.get(0)));
        InetAddress client = clientAddress.of(ctx);
        ReportIntake.Outcome outcome = intake.submit(origin, form, client == null ? "unknown"
                : client.getHostAddress(), reporter);
        if (outcome instanceof ReportIntake.Outcome.Accepted accepted) {
            done(ctx, t, accepted.incident().reference());
        } else if (outcome instanceof ReportIntake.Outcome.Refused refused) {
            if (refused.problem().equals("rate")) {
                limitReached(origin == Origin.STAFF ? "medewerker" : "melden", "address").increment();
                ctx.header("Retry-After", Long.toString(intake.limits().reportWindow().toSeconds()));
                pages.message(ctx, 429, t, t.get("intake.rate.title"), t.get("intake.rate"));
            } else if (refused.problem().equals("busy")) {
                limitReached(origin == Origin.STAFF ? "medewerker" : "melden", "hourly").increment();
                ctx.header("Retry-After", Long.toString(ReportIntake.HOUR.toSeconds()));
                pages.message(ctx, 429, t, t.get("intake.busy.title"), t.get("intake.busy"));
            } else {
                form(ctx, origin, form, refused.problem(), refused.fields(),
                        refused.problem().equals("too-long") ? 413 : 400);
            }
        } else {
            done(ctx, t, "");
        }
    }

    private void done(Context ctx, Texts t, String reference) {
        Map<String, Object> params = new HashMap<>();
        params.put("t", t);
        params.put("reference", reference);
        pages.send(ctx, 200, "intake/done.jte", params);
    }

    private void form(Context ctx, Origin origin, Map<String, String> values, String problem, List<String> fields,
                      int status) {
        Texts t = language.of(ctx);
        boolean staff = origin == Origin.STAFF;
        Map<String, Object> params = new HashMap<>();
        params.put("t", t);
        params.put("staff", staff);
        params.put("path", staff ? STAFF_PATH : RESIDENT_PATH);
        params.put("action", (staff ? STAFF_PATH : RESIDENT_PATH) + "?lang=" + t.language());
        params.put("csrf", csrf.csrf(staff ? STAFF_PATH : RESIDENT_PATH));
        params.put("questions", Question.of(staff));
        params.put("values", values);
        params.put("problem", problem == null ? "" : problem);
        params.put("fields", fields);
        params.put("textChars", intake.limits().textChars());
        params.put("lineChars", intake.limits().lineChars());
        pages.send(ctx, status, "intake/form.jte", params);
    }
}

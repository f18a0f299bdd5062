package nl.lekwacht.web.register;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.lekwacht.login.Role;
import nl.lekwacht.register.Incident;
import nl.lekwacht.register.IncidentLinking;
import nl.lekwacht.register.IncidentRegister;
import nl.lekwacht.register.WorkflowException;
import nl.lekwacht.web.Menu;
import nl.lekwacht.web.PageLanguage;
import nl.lekwacht.web.Pages;
import nl.lekwacht.web.WebModule;
import nl.lekwacht.web.auth.Needs;
import nl.lekwacht.web.auth.WebAuth;

/**
 * Linking a report to the outgoing message it is about: search the message incidents by date, recipient
 * domain and subject, link (the report's incident merges into the message's), and unlink. Privacy-officer
 * role only, CSRF-checked like every form.
 */
public final class LinkPages implements WebModule {

    private final IncidentRegister register;
    private final Pages pages;
    private final PageLanguage language;
    private final ZoneId zone;

    public LinkPages(IncidentRegister register, Pages pages, String defaultLanguage, ZoneId zone) {
        this.register = register;
        this.pages = pages;
        this.language = new PageLanguage(defaultLanguage, RegisterPages.BUNDLE);
        this.zone = zone;
    }

    @Override
    public void install(JavalinConfig config) {
        config.routes.get("/register/{id}/koppelen", ctx -> page(ctx, 200, List.of()), Needs.any(Role.PRIVACY_OFFICER));
        config.routes.post("/register/{id}/koppelen", this::link, Needs.any(Role.PRIVACY_OFFICER));
        config.routes.post("/register/{id}/ontkoppelen", this::unlink, Needs.any(Role.PRIVACY_OFFICER));
    }

    private void page(Context ctx, int status, List<String> problems) {
        Incident incident = incident(ctx, ctx.pathParam("id"));
        IncidentLinking linking = register.linking();
        String from = param(ctx, "van");
        String to = param(ctx, "tot");
        String domain = param(ctx, "domein");
        String subject = param(ctx, "onderwerp");
        boolean searched = ctx.queryParam("zoek") != null;
        List<IncidentLinking.Candidate> candidates = searched && incident.message().isEmpty()
                ? linking.candidates(incident.id(), new IncidentLinking.Search(day(from, 0), day(to, 1), domain, subject))
                : List.of();
        Map<String, Object> all = new HashMap<>();
        all.put("d", new Display(language.of(ctx), zone, register.queries().now()));
        all.put("csrf", WebAuth.csrfToken(ctx));
        all.put("menu", Menu.of(WebAuth.principal(ctx), WebAuth.csrfToken(ctx), "register"));
        all.put("incident", incident);
        all.put("into", linking.mergedInto(incident.id()).flatMap(register.queries()::find));
        all.put("linked", linking.mergedFrom(incident.id()).stream().map(register.queries()::find)
                .flatMap(Optional::stream).toList());
        all.put("candidates", candidates);
        all.put("searched", searched);
        all.put("van", from);
        all.put("tot", to);
        all.put("domein", domain);
        all.put("onderwerp", subject);
        all.put("problems", problems);
        all.put("notice", ctx.queryParam("gekoppeld") != null ? "link.done"
                : ctx.queryParam("ontkoppeld") != null ? "link.undone" : "");
        pages.send(ctx, status, "register/link.jte", all);
    }

    private void link(Context ctx) {
        Incident report = incident(ctx, ctx.pathParam("id"));
        String target = Optional.ofNullable(ctx.formParam("met")).orElse("");
        try {
            register.linking().link(report.id(), target, WebAuth.principal(ctx).name());
            ctx.redirect("/register/" + report.id() + "/koppelen?gekoppeld=1", HttpStatus.SEE_OTHER);
        } catch (WorkflowException e) {
            page(ctx, 409, e.problems());
        }
    }

    private void unlink(Context ctx) {
        Incident report = incident(ctx, ctx.pathParam("id"));
        try {
            register.linking().unlink(report.id(), WebAuth.principal(ctx).name());
            ctx.redirect("/register/" + report.id() + "/koppelen?ontkoppeld=1", HttpStatus.SEE_OTHER);
        } catch (WorkflowException e) {
            page(ctx, 409, e.problems());
        }
    }

    /** The start of a day in the local zone, {@code plusDays} later; empty when blank or not a date. */
    private Optional<Instant> day(String value, int plusDays) {
        try {
            return value.isBlank() ? Optional.empty()
                    : Optional.of(LocalDate.parse(value).plusDays(plusDays).atStartOfDay(zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).orElse("").strip();
    }

    private Incident incident(Context ctx, String id) {
        try {
            return register.queries().find(Long.parseLong(id)).orElseThrow(() -> new NotFoundResponse("no such incident"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("no such incident");
        }
    }
}

package nl.lekwacht.web.intake;

import io.javalin.config.JavalinConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.Map;
import nl.lekwacht.web.Menu;
import nl.lekwacht.web.PageLanguage;
import nl.lekwacht.intake.Report;
import nl.lekwacht.intake.ReportStore;
import nl.lekwacht.register.Incident;
import nl.lekwacht.register.IncidentRegister;
import nl.lekwacht.web.Pages;
import nl.lekwacht.web.WebModule;
import nl.lekwacht.login.Role;
import nl.lekwacht.web.auth.Needs;
import nl.lekwacht.web.auth.WebAuth;

/**
 * {@code GET /register/{id}/melding}: for privacy officers only, the report that opened an incident,
 * answers exactly as given (shown escaped) and the reporter's contact details for a call back. The
 * contact details appear nowhere else: not in the incident's AP answers, exports or API.
 */
public final class ReportViewPages implements WebModule {

    private final IncidentRegister register;
    private final ReportStore reports;
    private final Pages pages;
    private final PageLanguage language;

    public ReportViewPages(IncidentRegister register, ReportStore reports, Pages pages, String defaultLanguage) {
        this.register = register;
        this.reports = reports;
        this.pages = pages;
        // logged-in pages: the language the shared menu chose (cookie), unlike the public forms
        this.language = new PageLanguage(defaultLanguage, Language.BUNDLE);
    }

    @Override
    public void install(JavalinConfig config) {
        config.routes.get("/register/{id}/melding", this::show, Needs.any(Role.PRIVACY_OFFICER));
    }

    private void show(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("not a number");
        }
        Incident incident = register.queries().find(id).orElseThrow(() -> new NotFoundResponse("No such incident"));
        Report report = reports.find(id).orElseThrow(() -> new NotFoundResponse("No report for this incident"));
        Map<String, Object> params = new HashMap<>();
        params.put("t", language.of(ctx));
        params.put("menu", Menu.of(WebAuth.principal(ctx), WebAuth.csrfToken(ctx), "register"));
        params.put("incident", incident);
        params.put("report", report);
        pages.send(ctx, 200, "intake/view.jte", params);
    }
}

package nl.lekwacht.web.register;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import nl.lekwacht.intake.IncidentDocuments;
import nl.lekwacht.login.Role;
import nl.lekwacht.register.Incident;
import nl.lekwacht.register.IncidentRegister;
import nl.lekwacht.text.Texts;
import nl.lekwacht.web.Menu;
import nl.lekwacht.web.PageLanguage;
import nl.lekwacht.web.Pages;
import nl.lekwacht.web.WebModule;
import nl.lekwacht.web.auth.Needs;
import nl.lekwacht.web.auth.WebAuth;
import nl.lekwacht.web.pdf.PdfRenderer;

/**
 * An incident as the AP's notification form ({@code GET /register/{id}/ap}: section by section in the
 * AP's order, each answer marked derived or confirmed and selectable in one click for copying into the
 * AP's portal) and as the dossier PDF ({@code GET /register/{id}/pdf}: the same sections, the ENISA
 * assessment, the audit trail and the documents listed, never their content). Privacy officers only.
 */
public final class DossierPages implements WebModule {

    private final IncidentRegister register;
    private final IncidentDocuments documents;
    private final Pages pages;
    private final PageLanguage language;
    private final ZoneId zone;
    private final String officerEmail;
    private final PdfRenderer pdf;

    public DossierPages(IncidentRegister register, IncidentDocuments documents, Pages pages, String defaultLanguage,
                        ZoneId zone, String officerEmail, PdfRenderer pdf) {
        this.register = register;
        this.documents = documents;
        this.pages = pages;
        this.language = new PageLanguage(defaultLanguage, RegisterPages.BUNDLE);
        this.zone = zone;
        this.officerEmail = officerEmail == null ? "" : officerEmail;
        this.pdf = pdf;
    }

    @Override
    public void install(JavalinConfig config) {
        config.routes.get("/register/{id}/ap", this::form, Needs.any(Role.PRIVACY_OFFICER));
        config.routes.get("/register/{id}/pdf", this::dossier, Needs.any(Role.PRIVACY_OFFICER));
    }

    private void form(Context ctx) {
        Map<String, Object> params = model(ctx, incident(ctx));
        params.put("csrf", WebAuth.csrfToken(ctx));
        params.put("menu", Menu.of(WebAuth.principal(ctx), WebAuth.csrfToken(ctx), "register"));
        pages.send(ctx, 200, "register/ap.jte", params);
    }

    private void dossier(Context ctx) {
        Incident incident = incident(ctx);
        Map<String, Object> params = model(ctx, incident);
        params.put("assessment", register.queries().assess(incident));
        params.put("audit", register.queries().audit(incident.id()));
        params.put("documents", documents.list(incident.id()));
        params.put("by", WebAuth.principal(ctx).name());
        params.put("made", register.queries().now());
        Display d = (Display) params.get("d");
        byte[] file = pdf.render(pages.render("register/dossier.jte", params),
                d.format("dossier.title", incident.reference()));
        ctx.header("Content-Disposition", "attachment; filename=\"dossier-" + incident.reference() + ".pdf\"");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/pdf").result(file);
    }

    private Map<String, Object> model(Context ctx, Incident incident) {
        Texts t = language.of(ctx);
        Display d = new Display(t, zone, register.queries().now());
        Map<String, Object> params = new HashMap<>();
        params.put("d", d);
        params.put("incident", incident);
        params.put("ap", ApView.of(incident, d, officerEmail, register.queries().now()));
        return params;
    }

    private Incident incident(Context ctx) {
        try {
            return register.queries().find(Long.parseLong(ctx.pathParam("id")))
                    .orElseThrow(() -> new NotFoundResponse("no such incident"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("no such incident");
        }
    }
}

package nl.lekwacht.web.register;

import io.javalin.config.JavalinConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Map;
import java.util.Optional;
import nl.lekwacht.web.PageLanguage;
import nl.lekwacht.register.Incident;
import nl.lekwacht.register.IncidentRegister;
import nl.lekwacht.register.Status;
import nl.lekwacht.web.WebModule;
import nl.lekwacht.login.Role;
import nl.lekwacht.web.auth.Needs;

/**
 * {@code GET /api/incidents[?status=]} and {@code GET /api/incidents/{id}}: the register as JSON for a
 * privacy officer's login or an API token with that role. The list leaves out audit trails.
 */
public final class IncidentApi implements WebModule {

    private final IncidentRegister register;
    private final IncidentJson shape;

    public IncidentApi(IncidentRegister register, String language) {
        this.register = register;
        this.shape = new IncidentJson(new PageLanguage(language, RegisterPages.BUNDLE).byDefault());
    }

    @Override
    public void install(JavalinConfig config) {
        config.routes.get("/api/incidents", this::list, Needs.any(Role.PRIVACY_OFFICER));
        config.routes.get("/api/incidents/{id}", this::one, Needs.any(Role.PRIVACY_OFFICER));
    }

    private void list(Context ctx) {
        String status = ctx.queryParam("status");
        Optional<Status> filter = RegisterPages.parseStatus(status == null ? "" : status);
        if (status != null && !status.isBlank() && filter.isEmpty()) {
            throw new BadRequestResponse("unknown status: " + status);
        }
        ctx.header("Cache-Control", "no-store");
        ctx.json(Map.of("incidents", register.queries().list(filter).stream()
                .map(i -> shape.of(i, register.queries().assess(i), null, register.queries().now())).toList()));
    }

    private void one(Context ctx) {
        Incident incident;
        try {
            incident = register.queries().find(Long.parseLong(ctx.pathParam("id"))).orElseThrow(NotFoundResponse::new);
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
        ctx.header("Cache-Control", "no-store");
        ctx.json(shape.of(incident, register.queries().assess(incident), register.queries().audit(incident.id()), register.queries().now()));
    }
}

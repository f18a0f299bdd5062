package nl.lekwacht.web.register;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.config.JavalinConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.lekwacht.register.Field;
import nl.lekwacht.register.Incident;
import nl.lekwacht.register.IncidentRegister;
import nl.lekwacht.register.Status;
import nl.lekwacht.register.WorkflowException;
import nl.lekwacht.register.figures.Source;
import nl.lekwacht.register.listing.Criteria;
import nl.lekwacht.register.listing.DeadlineState;
import nl.lekwacht.register.listing.Listing;
import nl.lekwacht.web.Menu;
import nl.lekwacht.web.PageLanguage;
import nl.lekwacht.web.Pages;
import nl.lekwacht.web.WebModule;
import nl.lekwacht.login.Role;
import nl.lekwacht.web.auth.Needs;
import nl.lekwacht.web.auth.WebAuth;

/**
 * The privacy officer's pages: the incident list by deadline, detail and edit, status moves, manual
 * incidents and the CSV/JSON export (the AP-form view and the PDF: {@link DossierPages}). Every route
 * needs the privacy-officer role (and so a login on the admin networks); every form carries the
 * session's CSRF token.
 */
public final class RegisterPages implements WebModule {

    /** The register pages' words, read over the shared ones. */
    static final String BUNDLE = "nl/lekwacht/web/register/messages";

    private final IncidentRegister register;
    private final Pages pages;
    private final PageLanguage language;
    private final ZoneId zone;
    private final Listing listing;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RegisterPages(IncidentRegister register, Pages pages, String defaultLanguage, ZoneId zone) {
        this.register = register;
        this.pages = pages;
        // the list's filters name sources and kinds as the figures do
        this.language = new PageLanguage(defaultLanguage,
                lang -> nl.lekwacht.text.Texts.load(lang, BUNDLE, FigurePageParts.BUNDLE));
        this.listing = new Listing(register.queries());
        this.zone = zone;
    }

    @Override
    public void install(JavalinConfig config) {
        config.routes.get("/register", this::list, Needs.any(Role.PRIVACY_OFFICER));
        config.routes.get("/register/new", ctx -> send(ctx, 200, "register/new.jte", Map.of()), Needs.any(Role.PRIVACY_OFFICER));
        config.routes.post("/register", this::create, Needs.any(Role.PRIVACY_OFFICER));
        config.routes.get("/register/export.csv", this::csv, Needs.any(Role.PRIVACY_OFFICER));
        config.routes.get("/register/export.json", this::exportJson, Needs.any(Role.PRIVACY_OFFICER));
        config.routes.get("/register/{id}", ctx -> detail(ctx, 200, List.of()), Needs.any(Role.PRIVACY_OFFICER));
        config.routes.post("/register/{id}", this::edit, Needs.any(Role.PRIVACY_OFFICER));
        config.routes.post("/register/{id}/status", this::move, Needs.any(Role.PRIVACY_OFFICER));
    }

    /** The list, searched and filtered by the query's {@code q}, {@code status}, {@code source}, {@code kind}, {@code deadline}. */
    private void list(Context ctx) {
        Optional<Status> status = parseStatus(param(ctx, "status"));
        Optional<Source> source = parse(Source.class, param(ctx, "source"));
        String kind = param(ctx, "kind");
        Optional<String> kindFilter = Field.KIND.choices().contains(kind) || kind.equals("UNKNOWN")
                ? Optional.of(kind) : Optional.empty();
        Optional<DeadlineState> deadline = parse(DeadlineState.class, param(ctx, "deadline"));
        Criteria criteria = new Criteria(param(ctx, "q"), status, source, kindFilter, deadline);
        int page;
        try {
            page = Integer.parseInt(param(ctx, "page").isEmpty() ? "1" : param(ctx, "page"));
        } catch (NumberFormatException e) {
            page = 1;
        }
        Listing.Page shown = listing.page(criteria, page);
        StringBuilder link = new StringBuilder("/register?");
        Map<String, String> kept = new LinkedHashMap<>();
        kept.put("q", criteria.hasBsn() ? "" : param(ctx, "q"));
        status.ifPresent(s -> kept.put("status", s.name()));
        source.ifPresent(s -> kept.put("source", s.name()));
        kindFilter.ifPresent(k -> kept.put("kind", k));
        deadline.ifPresent(d -> kept.put("deadline", d.name()));
        kept.forEach((k, v) -> {
            if (!v.isEmpty()) {
                link.append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8))
                        .append('&');
            }
        });
        Map<String, Object> params = new HashMap<>();
        params.put("page", shown);
        params.put("filter", status.map(Enum::name).orElse(""));
        params.put("q", criteria.hasBsn() ? "" : param(ctx, "q"));
        params.put("bsnTyped", criteria.hasBsn());
        params.put("source", source.map(Enum::name).orElse(""));
        params.put("kind", kindFilter.orElse(""));
        params.put("deadline", deadline.map(Enum::name).orElse(""));
        params.put("filtered", criteria.filtered());
        params.put("pageLink", link.append("page=").toString());
        send(ctx, 200, "register/list.jte", params);
    }

    private static String param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).orElse("").strip();
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        try {
            return name.isEmpty() ? Optional.empty() : Optional.of(Enum.valueOf(type, name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void detail(Context ctx, int code, List<String> problems) {
        Incident incident = incident(ctx);
        String notice = ctx.queryParam("saved") != null ? "register.detail.saved"
                : ctx.queryParam("moved") != null ? "register.detail.moved" : "";
        Map<String, Object> params = new HashMap<>();
        params.put("incident", incident);
        params.put("assessment", register.queries().assess(incident));
        params.put("audit", register.queries().audit(incident.id()));
        params.put("moves", register.queries().nextStatuses(incident));
        params.put("problems", problems);
        params.put("notice", notice);
        send(ctx, code, "register/detail.jte", params);
    }

    private void create(Context ctx) {
        Incident created = register.opening().openManual(answers(ctx), WebAuth.principal(ctx).name());
        ctx.redirect("/register/" + created.id(), HttpStatus.SEE_OTHER);
    }

    private void edit(Context ctx) {
        Incident incident = incident(ctx);
        Set<Field> confirmed = EnumSet.noneOf(Field.class);
        ctx.formParams("confirm").forEach(k -> Field.byKey(k).ifPresent(confirmed::add));
        register.editing().edit(incident.id(), answers(ctx), confirmed, WebAuth.principal(ctx).name());
        ctx.redirect("/register/" + incident.id() + "?saved=1", HttpStatus.SEE_OTHER);
    }

    private void move(Context ctx) {
        Incident incident = incident(ctx);
        Status to = parseStatus(Optional.ofNullable(ctx.formParam("status")).orElse(""))
                .orElseThrow(() -> new BadRequestResponse("unknown status"));
        try {
            register.editing().move(incident.id(), to, ctx.formParam("reason"), WebAuth.principal(ctx).name());
            ctx.redirect("/register/" + incident.id() + "?moved=1", HttpStatus.SEE_OTHER);
        } catch (WorkflowException e) {
            detail(ctx, 409, e.problems());
        }
    }

    private void csv(Context ctx) {
        byte[] csv = new CsvExport().export(register.queries().list(Optional.empty()), register.queries()::assess);
        ctx.header("Content-Disposition", "attachment; filename=\"datalekkenregister.csv\"");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/csv; charset=utf-8").result(csv);
    }

    private void exportJson(Context ctx) throws Exception {
        IncidentJson shape = new IncidentJson(language.of(ctx));
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("exportedAt", register.queries().now().toString());
        export.put("incidents", register.queries().list(Optional.empty()).stream()
                .map(i -> shape.of(i, register.queries().assess(i), register.queries().audit(i.id()), register.queries().now())).toList());
        ctx.header("Content-Disposition", "attachment; filename=\"datalekkenregister.json\"");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json; charset=utf-8").result(json.writeValueAsBytes(export));
    }

    /** The answers a form posted: every non-computed field present in it, times read in the local zone. */
    private Map<Field, String> answers(Context ctx) {
        Map<Field, String> values = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            if (field.computed()) {
                continue;
            }
            switch (field.type()) {
                case MULTI -> values.put(field, String.join(",", ctx.formParams(field.key()).stream()
                        .filter(field.choices()::contains).toList()));
                case CHOICE -> Optional.ofNullable(ctx.formParam(field.key()))
                        .filter(v -> v.isEmpty() || field.choices().contains(v))
                        .ifPresent(v -> values.put(field, v));
                case INSTANT -> Optional.ofNullable(ctx.formParam(field.key())).ifPresent(v -> {
                    try {
                        values.put(field, Display.fromInput(v, zone));
                    } catch (IllegalArgumentException e) {
                        throw new BadRequestResponse(e.getMessage());
                    }
                });
                case NUMBER -> Optional.ofNullable(ctx.formParam(field.key())).ifPresent(v -> {
                    if (!v.isBlank() && !v.strip().matches("\\d{1,9}")) {
                        throw new BadRequestResponse(field.key() + ": not a whole number");
                    }
                    values.put(field, v.strip());
                });
                default -> Optional.ofNullable(ctx.formParam(field.key())).ifPresent(v -> values.put(field, v));
            }
        }
        return values;
    }

    private Incident incident(Context ctx) {
        try {
            return register.queries().find(Long.parseLong(ctx.pathParam("id")))
                    .orElseThrow(() -> new NotFoundResponse("no such incident"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("no such incident");
        }
    }

    private void send(Context ctx, int status, String template, Map<String, Object> parameters) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.put("d", new Display(language.of(ctx), zone, register.queries().now()));
        all.put("csrf", WebAuth.csrfToken(ctx));
        all.put("menu", Menu.of(WebAuth.principal(ctx), WebAuth.csrfToken(ctx), "register"));
        pages.send(ctx, status, template, all);
    }

    static Optional<Status> parseStatus(String name) {
        try {
            return name.isBlank() ? Optional.empty() : Optional.of(Status.valueOf(name.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

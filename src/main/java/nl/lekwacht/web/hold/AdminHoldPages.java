package nl.lekwacht.web.hold;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import nl.lekwacht.hold.HeldMessage;
import nl.lekwacht.hold.HoldAction;
import nl.lekwacht.hold.HoldDecisions;
import nl.lekwacht.hold.HoldLookup;
import nl.lekwacht.hold.HoldStatus;
import nl.lekwacht.login.Role;
import nl.lekwacht.text.Texts;
import nl.lekwacht.web.Menu;
import nl.lekwacht.web.PageLanguage;
import nl.lekwacht.web.Pages;
import nl.lekwacht.web.WebModule;
import nl.lekwacht.web.auth.Needs;
import nl.lekwacht.web.auth.WebAuth;

/**
 * Holds for mail admins and privacy officers (login, admin networks), e.g. when the sender is absent or
 * the mail came from a shared mailbox: {@code GET /admin/holds} lists them with the findings in words,
 * recipients and attachments, filtered by finding, sender, status and age; {@code POST /admin/holds}
 * cancels or sends the ticked ones (a wave of false alarms), each decided and audited on its own;
 * {@code GET /admin/holds/{id}} shows one with the same facts and actions as the sender's page, and
 * {@code POST /admin/holds/{id}} acts on it. The audit trail names the admin. {@code GET /api/holds}
 * gives the metadata as JSON. The login guard checks roles and the session's CSRF token.
 */
public final class AdminHoldPages implements WebModule {

    private static final int LIMIT = 500;

    private final HoldLookup holds;
    private final HoldDecisions decisions;
    private final Pages pages;
    private final PageLanguage language;
    private final ZoneId zone;
    private final Predicate<String> internal;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** One hold in the API: metadata only. */
    public record ApiHold(String id, String status, String sender, List<String> recipients, String subject,
                          long size, List<String> codes, Instant createdAt, Instant expiresAt) {
    }

    /** How one message of a bulk decision ended, in words. */
    public record BulkOutcome(String id, String subject, String outcome, boolean done) {
    }

    /** One line of a hold's history on its details page. */
    public record HistoryLine(String when, String who, String what, String detail) {
    }

    public AdminHoldPages(HoldLookup holds, HoldDecisions decisions, Pages pages, PageLanguage language, ZoneId zone,
                          Predicate<String> internal, Clock clock) {
        this.holds = holds;
        this.decisions = decisions;
        this.pages = pages;
        this.language = language;
        this.zone = zone;
        this.internal = internal;
        this.clock = clock;
    }

    @Override
    public void install(JavalinConfig config) {
        Role[] roles = {Role.MAIL_ADMIN, Role.PRIVACY_OFFICER};
        config.routes.get("/admin/holds", this::list, Needs.any(roles));
        config.routes.post("/admin/holds", this::bulk, Needs.any(roles));
        config.routes.get("/admin/holds/{id}", this::details, Needs.any(roles));
        config.routes.post("/admin/holds/{id}", this::act, Needs.any(roles));
        config.routes.get("/api/holds", this::api, Needs.any(roles));
    }

    private void list(Context ctx) {
        Texts t = language.of(ctx);
        Dates dates = new Dates(zone, t.locale());
        AdminFilter filter = AdminFilter.of(ctx);
        Instant now = clock.instant();
        List<HeldMessage> found = filter.isPending() ? holds.pending(LIMIT) : holds.withStatus(filter.status(), LIMIT);
        Map<String, Object> model = model(ctx, t);
        model.put("filter", filter);
        model.put("rows", found.stream().filter(h -> filter.matches(h, now))
                .map(h -> AdminRow.of(h, t, dates, internal)).toList());
        model.put("unreadable", filter.isPending() && !filter.any() ? holds.unreadable(LIMIT).stream()
                .map(h -> AdminRow.of(h, t, dates, internal)).toList() : List.of());
        pages.send(ctx, 200, "hold/admin.jte", model);
    }

    private void bulk(Context ctx) {
        Texts t = language.of(ctx);
        Optional<HoldAction> action = HoldAction.fromForm(ctx.formParam("action"))
                .filter(a -> a == HoldAction.SEND || a == HoldAction.CANCEL);
        List<String> ids = ctx.formParams("id").stream().distinct().limit(LIMIT).toList();
        if (action.isEmpty() || ids.isEmpty()) {
            pages.message(ctx, 400, t, t.get("admin.title"), t.get(action.isEmpty() ? "page.error.unknownAction"
                    : "admin.bulk.none"));
            return;
        }
        String actor = WebAuth.principal(ctx).name();
        List<BulkOutcome> outcomes = new ArrayList<>();
        for (String id : ids) {
            // each one is its own decision: audited, overridden and released on its own
            HoldDecisions.Result result = decisions.actById(id, new HoldDecisions.Request(action.get(),
                    ctx.formParam("reason"), List.of(), actor));
            String subject = result.hold().map(HeldMessage::subject).orElse(id);
            outcomes.add(new BulkOutcome(id, subject, result.outcome() == HoldDecisions.Outcome.DONE
                    ? HoldPages.outcome(t, result.hold().orElseThrow()) : problem(t, result.outcome(), id),
                    result.outcome() == HoldDecisions.Outcome.DONE));
        }
        Map<String, Object> model = model(ctx, t);
        model.put("outcomes", outcomes);
        pages.send(ctx, outcomes.stream().allMatch(BulkOutcome::done) ? 200 : 422, "hold/adminbulk.jte", model);
    }

    private void details(Context ctx) {
        Texts t = language.of(ctx);
        Optional<HeldMessage> hold = holds.byId(ctx.pathParam("id"));
        if (hold.isEmpty()) {
            pages.message(ctx, 404, t, t.get("admin.title"), t.format("admin.unknown", ctx.pathParam("id")));
            return;
        }
        render(ctx, t, 200, hold.get(), "");
    }

    private void act(Context ctx) {
        Texts t = language.of(ctx);
        String id = ctx.pathParam("id");
        Optional<HoldAction> action = HoldAction.fromForm(ctx.formParam("action"));
        Optional<HeldMessage> hold = holds.byId(id);
        if (hold.isEmpty()) {
            pages.message(ctx, 404, t, t.get("admin.title"), t.format("admin.unknown", id));
            return;
        }
        if (action.isEmpty()) {
            render(ctx, t, 400, hold.get(), t.get("page.error.unknownAction"));
            return;
        }
        HoldDecisions.Result result = decisions.actById(id, new HoldDecisions.Request(action.get(), ctx.formParam("reason"),
                ctx.formParams("recipient"), ctx.formParams("attachment"), ctx.formParam("replacement"),
                WebAuth.principal(ctx).name()));
        HeldMessage current = result.hold().orElse(hold.get());
        switch (result.outcome()) {
            case DONE -> render(ctx, t, 200, current, "");
            case UNKNOWN -> pages.message(ctx, 404, t, t.get("admin.title"), t.format("admin.unknown", id));
            case ALREADY_DECIDED -> render(ctx, t, 409, current, t.get("page.used.text"));
            case EXPIRED -> render(ctx, t, 410, current, t.get("page.expired.text"));
            default -> render(ctx, t, result.outcome() == HoldDecisions.Outcome.FAILED ? 500 : 422, current,
                    problem(t, result.outcome(), id));
        }
    }

    private void render(Context ctx, Texts t, int status, HeldMessage hold, String error) {
        Dates dates = new Dates(zone, t.locale());
        boolean open = hold.isPending() && !hold.isExpiredAt(clock.instant());
        HoldPage page = HoldPage.of(hold, t, dates, internal, "/admin/holds/" + hold.id(),
                open ? WebAuth.csrfToken(ctx) : "", error, open ? "" : HoldPages.outcome(t, hold), HoldPage.Viewer.ADMIN);
        Map<String, Object> model = model(ctx, t);
        model.put("page", page);
        model.put("hold", hold);
        model.put("status", t.get("admin.status." + hold.status().name()));
        model.put("reminded", hold.followUp().remindedAt().map(dates::format).orElse(""));
        model.put("delegate", hold.followUp().delegate().orElse(""));
        model.put("escalated", hold.followUp().escalatedAt().map(dates::format).orElse(""));
        model.put("history", holds.auditTrail(hold.id()).stream().map(e -> new HistoryLine(dates.format(e.at()),
                e.actor().equals(HoldDecisions.LINK_ACTOR) ? t.get("page.actor.link") : e.actor(),
                t.has("admin.event." + e.event()) ? t.get("admin.event." + e.event()) : e.event(), e.detail())).toList());
        pages.send(ctx, status, "hold/admindetails.jte", model);
    }

    private Map<String, Object> model(Context ctx, Texts t) {
        Map<String, Object> model = new HashMap<>();
        model.put("t", t);
        model.put("csrf", WebAuth.csrfToken(ctx));
        model.put("user", WebAuth.principal(ctx).name());
        model.put("menu", Menu.of(WebAuth.principal(ctx), WebAuth.csrfToken(ctx), "holds"));
        return model;
    }

    private static String problem(Texts t, HoldDecisions.Outcome outcome, String id) {
        return switch (outcome) {
            case DONE -> "";
            case UNKNOWN -> t.format("admin.unknown", id);
            case ALREADY_DECIDED -> t.get("page.used.text");
            case EXPIRED -> t.get("page.expired.text");
            case REASON_REQUIRED -> t.get("page.error.reasonRequired");
            case CHOOSE_RECIPIENT -> t.get("page.error.chooseRecipient");
            default -> t.get("page.error." + outcome.name());
        };
    }

    private void api(Context ctx) throws Exception {
        List<ApiHold> list = java.util.stream.Stream.concat(holds.pending(LIMIT).stream(),
                holds.unreadable(LIMIT).stream()).map(AdminHoldPages::api).toList();
        ctx.contentType("application/json").result(json.writeValueAsString(list));
    }

    private static ApiHold api(HeldMessage h) {
        return new ApiHold(h.id(), h.status().name(), h.sender(), h.recipients(), h.subject(), h.size(),
                h.details().codes(), h.createdAt(), h.expiresAt());
    }
}

package nl.lekwacht.web.hold;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.lekwacht.hold.HeldMessage;
import nl.lekwacht.hold.HoldAction;
import nl.lekwacht.hold.HoldDecisions;
import nl.lekwacht.hold.HoldLookup;
import nl.lekwacht.web.Pages;
import nl.lekwacht.text.Texts;
import nl.lekwacht.web.WebModule;
import nl.lekwacht.login.Role;
import nl.lekwacht.web.auth.Needs;
import nl.lekwacht.web.auth.WebAuth;

/**
 * Holds for mail admins and privacy officers (login, admin networks): {@code GET /admin/holds} lists
 * pending holds (metadata only), and those whose content can no longer be opened, and {@code POST /admin/holds/{id}} acts on one, e.g. when the sender is
 * absent or the mail came from a shared mailbox; the audit trail names the admin. {@code GET /api/holds}
 * gives the same metadata as JSON to mail admins and API tokens. The login guard checks roles and the
 * session's CSRF token.
 */
public final class AdminHoldPages implements WebModule {

    private static final int LIMIT = 500;

    private final HoldLookup holds;
    private final HoldDecisions decisions;
    private final Pages pages;
    private final Texts t;
    private final Dates dates;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** One pending hold in the list. */
    public record Row(String id, String received, String expires, String sender, String subject, int recipients,
                      String codes, boolean reasonRequired) {
    }

    /** One hold in the API: metadata only. */
    public record ApiHold(String id, String status, String sender, List<String> recipients, String subject,
                          long size, List<String> codes, Instant createdAt, Instant expiresAt) {
    }

    public AdminHoldPages(HoldLookup holds, HoldDecisions decisions, Pages pages, Texts texts, ZoneId zone) {
        this.holds = holds;
        this.decisions = decisions;
        this.pages = pages;
        this.t = texts;
        this.dates = new Dates(zone, texts.locale());
    }

    @Override
    public void install(JavalinConfig config) {
        config.routes.get("/admin/holds", this::list, Needs.any(Role.MAIL_ADMIN, Role.PRIVACY_OFFICER));
        config.routes.post("/admin/holds/{id}", this::act, Needs.any(Role.MAIL_ADMIN, Role.PRIVACY_OFFICER));
        config.routes.get("/api/holds", this::api, Needs.any(Role.MAIL_ADMIN, Role.PRIVACY_OFFICER));
    }

    private void list(Context ctx) {
        List<Row> rows = holds.pending(LIMIT).stream().map(h -> new Row(h.id(), dates.format(h.createdAt()),
                dates.format(h.expiresAt()), h.sender(), h.subject(), h.recipients().size(),
                String.join(", ", h.details().codes()), HoldDecisions.reasonRequired(h))).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("t", t);
        model.put("rows", rows);
        model.put("unreadable", holds.unreadable(LIMIT).stream().map(h -> new Row(h.id(), dates.format(h.createdAt()),
                dates.format(h.expiresAt()), h.sender(), h.subject(), h.recipients().size(),
                String.join(", ", h.details().codes()), false)).toList());
        model.put("csrf", WebAuth.csrfToken(ctx));
        model.put("user", WebAuth.principal(ctx).name());
        pages.send(ctx, 200, "hold/admin.jte", model);
    }

    private void act(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<HoldAction> action = HoldAction.fromForm(ctx.formParam("action"))
                .filter(a -> a != HoldAction.REMOVE_RECIPIENT || !ctx.formParams("recipient").isEmpty());
        if (action.isEmpty()) {
            pages.message(ctx, 400, t, t.get("admin.title"), t.get("page.error.unknownAction"));
            return;
        }
        String actor = WebAuth.principal(ctx).name();
        HoldDecisions.Result result = decisions.actById(id, new HoldDecisions.Request(action.get(), ctx.formParam("reason"),
                ctx.formParams("recipient"), ctx.formParams("attachment"), ctx.formParam("replacement"), actor));
        switch (result.outcome()) {
            case DONE -> pages.message(ctx, 200, t, t.get("admin.title"),
                    t.format("admin.done", id, action.get().formValue()));
            case UNKNOWN -> pages.message(ctx, 404, t, t.get("admin.title"), t.format("admin.unknown", id));
            case ALREADY_DECIDED -> pages.message(ctx, 409, t, t.get("admin.title"), t.get("page.used.text"));
            case EXPIRED -> pages.message(ctx, 410, t, t.get("admin.title"), t.get("page.expired.text"));
            case REASON_REQUIRED -> pages.message(ctx, 422, t, t.get("admin.title"),
                    t.get("page.error.reasonRequired"));
            case CHOOSE_RECIPIENT -> pages.message(ctx, 422, t, t.get("admin.title"),
                    t.get("page.error.chooseRecipient"));
            case CHOOSE_ATTACHMENT, NOT_A_SUGGESTION, NOT_POSSIBLE, REFUSED, FAILED -> pages.message(ctx,
                    result.outcome() == HoldDecisions.Outcome.FAILED ? 500 : 422, t, t.get("admin.title"),
                    t.get("page.error." + result.outcome().name()));
        }
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

package nl.lekwacht.web.hold;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
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
import nl.lekwacht.hold.LinkTokens;
import nl.lekwacht.web.Pages;
import nl.lekwacht.text.Texts;
import nl.lekwacht.web.WebModule;

/**
 * The sender's confirmation page: {@code GET /h/{token}} shows the hold (and never changes it);
 * {@code POST /h/{token}} with the form's CSRF token acts on it once. Every failure — unknown,
 * tampered, expired or used link, missing CSRF token — gets a page that says so, and changes nothing.
 * Works without JavaScript; any instance sharing the store and link secret serves any link.
 */
public final class HoldPages implements WebModule {

    private final HoldLookup holds;
    private final HoldDecisions decisions;
    private final LinkTokens tokens;
    private final Pages pages;
    private final Texts t;
    private final Dates dates;
    private final Predicate<String> internal;
    private final Clock clock;
    private final Duration formLifetime;

    /** @param formLifetime how long a served form may be posted (the hold expiry) */
    public HoldPages(HoldLookup holds, HoldDecisions decisions, LinkTokens tokens, Pages pages, Texts texts, ZoneId zone,
                     Predicate<String> internal, Clock clock, Duration formLifetime) {
        this.holds = holds;
        this.decisions = decisions;
        this.tokens = tokens;
        this.pages = pages;
        this.t = texts;
        this.dates = new Dates(zone, texts.locale());
        this.internal = internal;
        this.clock = clock;
        this.formLifetime = formLifetime;
    }

    @Override
    public void install(JavalinConfig config) {
        config.routes.get("/h/{token}", this::show);
        config.routes.post("/h/{token}", this::act);
    }

    private void show(Context ctx) {
        String token = ctx.pathParam("token");
        Optional<HoldLookup.Linked> linked = holds.view(token);
        if (linked.isEmpty()) {
            invalid(ctx);
            return;
        }
        render(ctx, 200, linked.get().hold(), token, linked.get().byDelegate(), "");
    }

    private void act(Context ctx) {
        String token = ctx.pathParam("token");
        Optional<HoldLookup.Linked> found = holds.find(token);
        if (found.isEmpty()) {
            invalid(ctx);
            return;
        }
        HeldMessage hold = found.get().hold();
        boolean delegate = found.get().byDelegate();
        if (!tokens.validCsrf(LinkTokens.hash(token), ctx.formParam("csrf"), formLifetime.plusHours(1))) {
            pages.message(ctx, 403, t, t.get("page.csrf.title"), t.get("page.csrf.text"));
            return;
        }
        Optional<HoldAction> action = HoldAction.fromForm(ctx.formParam("action"));
        if (action.isEmpty()) {
            render(ctx, 400, hold, token, delegate, t.get("page.error.unknownAction"));
            return;
        }
        HoldDecisions.Result result = decisions.act(token, new HoldDecisions.Request(action.get(), ctx.formParam("reason"),
                ctx.formParams("recipient"), ctx.formParams("attachment"), ctx.formParam("replacement"),
                HoldDecisions.LINK_ACTOR));
        HeldMessage current = result.hold().orElse(hold);
        switch (result.outcome()) {
            case DONE -> render(ctx, 200, current, token, delegate, "");
            case UNKNOWN -> invalid(ctx);
            case ALREADY_DECIDED -> {
                if (current.status() == HoldStatus.EXPIRED) {
                    pages.message(ctx, 410, t, t.get("page.expired.title"), t.get("page.expired.text"));
                } else {
                    pages.message(ctx, 409, t, t.get("page.used.title"), t.get("page.used.text"), outcome(current));
                }
            }
            case EXPIRED -> pages.message(ctx, 410, t, t.get("page.expired.title"), t.get("page.expired.text"));
            case REASON_REQUIRED -> render(ctx, 422, current, token, delegate, t.get("page.error.reasonRequired"));
            case CHOOSE_RECIPIENT -> render(ctx, 422, current, token, delegate, t.get("page.error.chooseRecipient"));
            case CHOOSE_ATTACHMENT, NOT_A_SUGGESTION, NOT_POSSIBLE, REFUSED, FAILED ->
                    render(ctx, result.outcome() == HoldDecisions.Outcome.FAILED ? 500 : 422, current, token,
                            delegate, t.get("page.error." + result.outcome().name()));
        }
    }

    private void render(Context ctx, int status, HeldMessage hold, String token, boolean delegate, String error) {
        if (hold.isPending() && hold.isExpiredAt(clock.instant())) {
            pages.message(ctx, 410, t, t.get("page.expired.title"), t.get("page.expired.text"));
            return;
        }
        // the form's token is bound to this link, so a form of the sender's page does not post on the delegate's
        String csrf = hold.isPending() ? tokens.csrf(LinkTokens.hash(token)) : "";
        HoldPage page = HoldPage.of(hold, t, dates, internal, "/h/" + token, csrf, error,
                hold.isPending() ? "" : outcome(hold), delegate ? HoldPage.Viewer.DELEGATE : HoldPage.Viewer.SENDER);
        Map<String, Object> model = new HashMap<>();
        model.put("t", t);
        model.put("page", page);
        pages.send(ctx, status, "hold/page.jte", model);
    }

    private String outcome(HeldMessage hold) {
        return outcome(t, hold);
    }

    /** The decision on a hold in words. */
    static String outcome(Texts t, HeldMessage hold) {
        if (hold.status() == HoldStatus.RELEASED) {
            String decision = hold.decision().orElse("");
            if (decision.equals(HoldAction.SEND_BCC.formValue())) {
                return t.get("page.outcome.RELEASED.bcc");
            }
            if (decision.equals(HoldAction.REMOVE_RECIPIENT.formValue())) {
                return t.get("page.outcome.RELEASED.removed");
            }
            if (decision.equals("delay-elapsed")) {
                return t.get("page.outcome.RELEASED.delayed");
            }
            if (decision.equals(HoldAction.REPLACE_RECIPIENT.formValue())) {
                return t.get("page.outcome.RELEASED.replaced");
            }
            if (decision.equals(HoldAction.SEND_WITHOUT_ATTACHMENTS.formValue())) {
                return t.get("page.outcome.RELEASED.withheld");
            }
        }
        return t.get("page.outcome." + hold.status().name());
    }

    private void invalid(Context ctx) {
        pages.message(ctx, 404, t, t.get("page.invalid.title"), t.get("page.invalid.text"));
    }
}

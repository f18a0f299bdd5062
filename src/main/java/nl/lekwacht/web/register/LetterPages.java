package nl.lekwacht.web.register;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.lekwacht.login.Role;
import nl.lekwacht.privacy.BsnMasking;
import nl.lekwacht.register.FollowUpLetters;
import nl.lekwacht.register.FollowUpLetters.Kind;
import nl.lekwacht.register.Incident;
import nl.lekwacht.register.IncidentRegister;
import nl.lekwacht.text.Texts;
import nl.lekwacht.web.Menu;
import nl.lekwacht.web.PageLanguage;
import nl.lekwacht.web.Pages;
import nl.lekwacht.web.WebModule;
import nl.lekwacht.web.auth.Needs;
import nl.lekwacht.web.auth.WebAuth;

/**
 * The follow-up letters of one incident: the privacy officer picks a letter, edits the text filled in
 * from the incident, picks or types the addressees, and sends; the result page lists each letter's
 * outcome. Privacy-officer role only, CSRF-checked like every form.
 */
public final class LetterPages implements WebModule {

    private final IncidentRegister register;
    private final FollowUpLetters letters;
    private final Pages pages;
    private final PageLanguage language;
    private final ZoneId zone;

    public LetterPages(IncidentRegister register, FollowUpLetters letters, Pages pages, String defaultLanguage,
                       ZoneId zone) {
        this.register = register;
        this.letters = letters;
        this.pages = pages;
        this.language = new PageLanguage(defaultLanguage, RegisterPages.BUNDLE);
        this.zone = zone;
    }

    @Override
    public void install(JavalinConfig config) {
        config.routes.get("/register/{id}/brieven", this::form, Needs.any(Role.PRIVACY_OFFICER));
        config.routes.post("/register/{id}/brieven", this::send, Needs.any(Role.PRIVACY_OFFICER));
    }

    private void form(Context ctx) {
        Incident incident = incident(ctx);
        Kind kind = kind(ctx.queryParam("soort"));
        String letterLanguage = letterLanguage(ctx.queryParam("taal"), language.of(ctx));
        FollowUpLetters.Draft draft = letters.draft(incident, kind, letterLanguage);
        render(ctx, 200, incident, draft, List.of(), "", "", Optional.empty()); // the privacy officer ticks who was wrong
    }

    private void send(Context ctx) {
        Incident incident = incident(ctx);
        Kind kind = kind(ctx.formParam("soort"));
        String letterLanguage = letterLanguage(ctx.formParam("taal"), language.of(ctx));
        String subject = Optional.ofNullable(ctx.formParam("subject")).orElse("");
        String body = Optional.ofNullable(ctx.formParam("body")).orElse("");
        List<String> addressees = new ArrayList<>(ctx.formParams("to"));
        String typed = Optional.ofNullable(ctx.formParam("typed")).orElse("");
        addressees.addAll(Arrays.asList(typed.split("[\\s,;]+")));
        // shown again for editing; a BSN typed into a letter is masked there too, the letter must lose it
        FollowUpLetters.Draft edited = new FollowUpLetters.Draft(kind, letterLanguage, BsnMasking.mask(subject),
                BsnMasking.mask(body),
                letters.draft(incident, kind, letterLanguage).knownAddressees());
        try {
            List<FollowUpLetters.Outcome> outcomes = letters.send(incident.id(), kind, addressees, subject, body,
                    letterLanguage, WebAuth.principal(ctx).name());
            render(ctx, 200, incident, edited, List.of(), typed, "", Optional.of(outcomes));
        } catch (FollowUpLetters.Problem problem) {
            Texts t = language.of(ctx);
            render(ctx, 400, incident, edited, ctx.formParams("to"), typed, t.format(problem.key(), problem.detail()),
                    Optional.empty());
        }
    }

    private void render(Context ctx, int status, Incident incident, FollowUpLetters.Draft draft, List<String> chosen,
                        String typed, String problem, Optional<List<FollowUpLetters.Outcome>> outcomes) {
        Map<String, Object> all = new HashMap<>();
        all.put("d", new Display(language.of(ctx), zone, register.queries().now()));
        all.put("csrf", WebAuth.csrfToken(ctx));
        all.put("menu", Menu.of(WebAuth.principal(ctx), WebAuth.csrfToken(ctx), "register"));
        all.put("incident", incident);
        all.put("draft", draft);
        all.put("chosen", chosen);
        all.put("typed", typed);
        all.put("problem", problem);
        all.put("outcomes", outcomes.orElse(List.of()));
        all.put("done", outcomes.isPresent());
        pages.send(ctx, status, "register/letters.jte", all);
    }

    private static Kind kind(String asked) {
        return "kennisgeving".equals(asked) || Kind.SUBJECT_NOTICE.name().equals(asked) ? Kind.SUBJECT_NOTICE
                : Kind.DELETE_REQUEST;
    }

    private static String letterLanguage(String asked, Texts page) {
        return asked != null && Texts.LANGUAGES.contains(asked) ? asked : page.language();
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

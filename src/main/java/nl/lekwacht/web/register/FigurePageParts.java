package nl.lekwacht.web.register;

import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import nl.lekwacht.register.IncidentQueries;
import nl.lekwacht.register.RegisterSide;
import nl.lekwacht.text.Texts;
import nl.lekwacht.web.Menu;
import nl.lekwacht.web.PageLanguage;
import nl.lekwacht.web.auth.WebAuth;

/**
 * What the start page and the year overview share: their words (the register's, with the figures' own
 * over them), in the page's language, and the parameters every register page gets. Immutable.
 */
final class FigurePageParts {

    /** The figures' own words, read over the register's. */
    static final String BUNDLE = "nl/lekwacht/web/register/figures/messages";

    private final PageLanguage language;
    private final IncidentQueries queries;
    private final ZoneId zone;

    FigurePageParts(String defaultLanguage, IncidentQueries queries, ZoneId zone) {
        this.language = new PageLanguage(defaultLanguage, lang -> Texts.load(lang, RegisterSide.TEXTS, BUNDLE));
        this.queries = queries;
        this.zone = zone;
    }

    Texts texts(Context ctx) {
        return language.of(ctx);
    }

    ZoneId zone() {
        return zone;
    }

    /**
     * The display and the menu (with {@code current} open) of one request, with the page's own parameters.
     */
    Map<String, Object> parameters(Context ctx, Texts texts, String current, Map<String, Object> own) {
        Map<String, Object> all = new HashMap<>(own);
        all.put("d", new Display(texts, zone, queries.now()));
        all.put("menu", Menu.of(WebAuth.principal(ctx), WebAuth.csrfToken(ctx), current));
        return all;
    }
}

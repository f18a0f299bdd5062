package nl.lekwacht.web;

import io.javalin.http.Context;
import java.util.Map;
import java.util.function.Function;
import nl.lekwacht.text.Texts;

/**
 * Picks the language of a logged-in page: {@code ?lang=nl|en} (remembered in a cookie, so the shared
 * menu's language link holds on every logged-in page), else that cookie, else {@code web.language}.
 * Holds the texts of both languages of one bundle. Immutable.
 */
public final class PageLanguage {

    private static final String COOKIE = "lekwacht_lang";

    private final String defaultLanguage;
    private final Map<String, Texts> texts;

    /** @param load the bundle's texts in a language ({@code nl}, {@code en}) */
    public PageLanguage(String defaultLanguage, Function<String, Texts> load) {
        this.defaultLanguage = defaultLanguage;
        this.texts = Map.of("nl", load.apply("nl"), "en", load.apply("en"));
    }

    /** @param bundle the page's own bundle, read over the shared one ({@link Texts#load}) */
    public PageLanguage(String defaultLanguage, String bundle) {
        this(defaultLanguage, language -> Texts.load(language, bundle));
    }

    public Texts of(Context ctx) {
        String asked = ctx.queryParam("lang");
        if (asked != null && texts.containsKey(asked)) {
            ctx.res().addHeader("Set-Cookie", COOKIE + "=" + asked + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000");
            return texts.get(asked);
        }
        String remembered = ctx.cookie(COOKIE);
        return texts.getOrDefault(remembered == null ? defaultLanguage : remembered, texts.get(defaultLanguage));
    }

    /** The texts in {@code web.language}, for answers that have no request to ask (the API). */
    public Texts byDefault() {
        return texts.get(defaultLanguage);
    }
}

package nl.lekwacht.web.register;

import io.javalin.http.Context;
import java.util.Map;
import nl.lekwacht.text.Texts;

/**
 * Picks the language of a page: {@code ?lang=nl|en} (remembered in a cookie), else the cookie, else
 * {@code web.language}. Holds the loaded texts of both languages. Immutable.
 */
final class Language {

    static final String BUNDLE = "nl/lekwacht/web/register/messages";
    private static final String COOKIE = "lekwacht_lang";

    private final String defaultLanguage;
    private final Map<String, Texts> texts;

    Language(String defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
        this.texts = Map.of("nl", Texts.load("nl", BUNDLE), "en", Texts.load("en", BUNDLE));
    }

    Texts of(Context ctx) {
        String asked = ctx.queryParam("lang");
        if (asked != null && texts.containsKey(asked)) {
            ctx.res().addHeader("Set-Cookie", COOKIE + "=" + asked + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000");
            return texts.get(asked);
        }
        String remembered = ctx.cookie(COOKIE);
        return texts.getOrDefault(remembered == null ? defaultLanguage : remembered, texts.get(defaultLanguage));
    }

    Texts byDefault() {
        return texts.get(defaultLanguage);
    }
}

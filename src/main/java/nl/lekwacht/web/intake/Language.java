package nl.lekwacht.web.intake;

import io.javalin.http.Context;
import java.util.Map;
import nl.lekwacht.text.Texts;

/** Picks the language of a report page: {@code ?lang=nl|en}, else {@code web.language}. Immutable. */
final class Language {

    static final String BUNDLE = "nl/lekwacht/web/intake/messages";

    private final String defaultLanguage;
    private final Map<String, Texts> texts;

    Language(String defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
        this.texts = Map.of("nl", Texts.load("nl", BUNDLE), "en", Texts.load("en", BUNDLE));
    }

    Texts of(Context ctx) {
        String asked = ctx.queryParam("lang");
        if (asked == null) {
            asked = ctx.formParam("lang");
        }
        return texts.getOrDefault(asked == null ? defaultLanguage : asked, texts.get(defaultLanguage));
    }
}

package nl.lekwacht.web.auth;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import nl.lekwacht.web.Pages;
import nl.lekwacht.text.Texts;

/** The login form in the shared layout, in the configured language. */
public final class JteLoginPage implements WebAuth.LoginPage {

    public static final String BUNDLE = "nl/lekwacht/web/auth/messages";

    private final Pages pages;
    private final Texts texts;

    public JteLoginPage(Pages pages, String language) {
        this.pages = pages;
        this.texts = Texts.load(language, BUNDLE);
    }

    @Override
    public String render(Context ctx, String csrf, String next, String problem) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("t", texts);
        parameters.put("csrf", csrf);
        parameters.put("next", next);
        parameters.put("problem", problem);
        return pages.render("auth/login.jte", parameters);
    }
}

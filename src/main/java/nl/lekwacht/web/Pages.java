package nl.lekwacht.web;

import nl.lekwacht.text.Texts;
import io.javalin.http.Context;
import java.util.Map;
import nl.lekwacht.text.Templates;

/**
 * Sends rendered templates as pages, with the headers every page gets: UTF-8, not cached (a page can
 * show a held message's metadata). Thread-safe; one per gateway.
 */
public final class Pages {

    private final Templates templates;

    public Pages(Templates templates) {
        this.templates = templates;
    }

    public Pages() {
        this(new Templates());
    }

    /** Renders {@code template} with its parameters to a string. */
    public String render(String template, Map<String, Object> parameters) {
        return templates.render(template, parameters);
    }

    public Templates templates() {
        return templates;
    }

    /** Renders {@code template} as the response with {@code status}. */
    public void send(Context ctx, int status, String template, Map<String, Object> parameters) {
        String html = render(template, parameters);
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(html);
    }

    /**
     * A page with a heading and one or more paragraphs, in the shared layout: for outcomes and errors
     * ("this link is not valid").
     */
    public void message(Context ctx, int status, Texts texts, String title, String... paragraphs) {
        send(ctx, status, "message.jte", Map.of("t", texts, "title", title, "paragraphs",
                java.util.List.of(paragraphs)));
    }
}

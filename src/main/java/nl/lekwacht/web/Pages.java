package nl.lekwacht.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Renders the precompiled jte templates of {@code src/main/jte} (HTML-escaped by default) and sends
 * them with the headers every page gets: UTF-8, not cached (a page can show a held message's
 * metadata). Thread-safe; one per gateway.
 */
public final class Pages {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders {@code template} (e.g. {@code "hold/page.jte"}) with its parameters to a string. */
    public String render(String template, Map<String, Object> parameters) {
        StringOutput output = new StringOutput();
        engine.render(template, parameters, output);
        return output.toString();
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

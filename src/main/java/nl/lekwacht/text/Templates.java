package nl.lekwacht.text;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * Renders the precompiled jte templates of {@code src/main/jte} (HTML-escaped by default) to text,
 * for pages and for the HTML part of the gateway's own mail alike. Thread-safe; one per gateway.
 */
public final class Templates {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders {@code template} (e.g. {@code "hold/page.jte"}) with its parameters to a string. */
    public String render(String template, Map<String, Object> parameters) {
        StringOutput output = new StringOutput();
        engine.render(template, parameters, output);
        return output.toString();
    }
}

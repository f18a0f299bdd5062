package nl.lekwacht.web;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the shared stylesheet at {@value #STYLESHEET}. It is read once from the class path; pages
 * link it from the layout, and the Content-Security-Policy allows styles from our own origin only.
 */
public final class StaticAssets implements WebModule {

    public static final String STYLESHEET = "/static/lekwacht.css";

    private final byte[] css;

    public StaticAssets() {
        try (InputStream in = StaticAssets.class.getResourceAsStream("lekwacht.css")) {
            if (in == null) {
                throw new IllegalStateException("lekwacht.css missing from the class path");
            }
            this.css = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void install(JavalinConfig config) {
        config.routes.get(STYLESHEET, ctx -> {
            ctx.header("Cache-Control", "public, max-age=3600");
            ctx.contentType("text/css; charset=utf-8").result(css);
        });
    }
}

package nl.lekwacht.web;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import java.util.List;
import nl.lekwacht.config.WebConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side on Javalin: every module's routes, security headers on every response, and errors
 * mapped once.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    private final Javalin app;
    private final WebConfig config;

    public WebServer(WebConfig config, List<WebModule> modules) {
        this.config = config;
        this.app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("X-Frame-Options", "DENY");
                ctx.header("Content-Security-Policy",
                        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'");
            });
            javalin.routes.exception(HttpResponseException.class, (e, ctx) ->
                    ctx.status(e.getStatus()).contentType("text/plain; charset=utf-8").result(e.getMessage()));
            javalin.routes.exception(Exception.class, (e, ctx) -> {
                log.error("unhandled error on {} {}: {}", ctx.method(), ctx.path(), e.toString(), e);
                ctx.status(500).contentType("text/plain; charset=utf-8").result("Internal error");
            });
            modules.forEach(module -> module.install(javalin));
        });
    }

    public void start() {
        app.start(config.listen().host(), config.listen().port());
        log.info("web listening on {}:{}", config.listen().host(), port());
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}

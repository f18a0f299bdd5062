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

    /** Room for the other fields of a form that carries a file. */
    private static final long FORM_OVERHEAD = 1024 * 1024;

    private final Javalin app;
    private final WebConfig config;

    /**
     * @param maxUploadBytes largest file a form may carry; a larger multipart request is refused before
     *                       it is spooled, so an upload cannot fill the disk
     */
    public WebServer(WebConfig config, List<WebModule> modules, long maxUploadBytes) {
        this.config = config;
        this.app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.jetty.multipartConfig.maxFileSize(maxUploadBytes, io.javalin.config.SizeUnit.BYTES);
            javalin.jetty.multipartConfig.maxTotalRequestSize(maxUploadBytes + FORM_OVERHEAD,
                    io.javalin.config.SizeUnit.BYTES);
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
                if (isOversizedUpload(e)) {
                    String limit = describe(maxUploadBytes);
                    ctx.status(413).contentType("text/plain; charset=utf-8").result("Het bestand is te groot (maximaal "
                            + limit + "); er is niets opgeslagen.\nThe file is too large (at most " + limit
                            + "); nothing was stored.");
                    return;
                }
                log.error("unhandled error on {} {}: {}", ctx.method(), LoggedPath.of(ctx.path()), e.toString(), e);
                ctx.status(500).contentType("text/plain; charset=utf-8").result("Internal error");
            });
            modules.forEach(module -> module.install(javalin));
        });
    }

    /** Jetty refuses a multipart request over its limits by throwing while the form is read. */
    private static boolean isOversizedUpload(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (message.contains("exceeded") || message.contains("exceeds") && message.contains("max")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
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

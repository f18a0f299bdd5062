package nl.lekwacht.web;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import nl.lekwacht.config.WebConfig;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
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
    private final boolean tls;

    /**
     * @param maxUploadBytes largest file a form may carry; a larger multipart request is refused before
     *                       it is spooled, so an upload cannot fill the disk
     */
    public WebServer(WebConfig config, List<WebModule> modules, long maxUploadBytes) {
        this(config, modules, maxUploadBytes, Optional.empty());
    }

    /**
     * @param tls when present the web port speaks HTTPS (TLS 1.3 and 1.2) with this context, which is
     *            asked at every handshake, so a certificate it takes later is served from then on
     */
    public WebServer(WebConfig config, List<WebModule> modules, long maxUploadBytes, Optional<SSLContext> tls) {
        this.config = config;
        this.tls = tls.isPresent();
        this.app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            tls.ifPresent(context -> javalin.jetty.addConnector((server, http) -> httpsConnector(server, http, context)));
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

    /**
     * The only connector when TLS is configured (Javalin then adds no plain one). The Host header is not
     * compared with the certificate's names: there is one certificate, and a load balancer's health
     * check by address must still get {@code /readyz}.
     */
    private ServerConnector httpsConnector(Server server, HttpConfiguration http, SSLContext context) {
        http.addCustomizer(new SecureRequestCustomizer(false));
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setSslContext(context);
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        ServerConnector connector = new ServerConnector(server, ssl, new HttpConnectionFactory(http));
        connector.setHost(config.listen().host());
        connector.setPort(config.listen().port());
        return connector;
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
        log.info("web listening on {}:{}{}", config.listen().host(), port(), tls ? " (HTTPS)" : "");
    }

    public int port() {
        return app.port();
    }

    /**
     * Every route the server answers, as {@code "METHOD /path"} (filters left out), sorted. The route walk
     * compares it with the routes it checks, so a route added later cannot escape the access checks.
     */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream().map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path).sorted().toList();
    }

    @Override
    public void close() {
        app.stop();
    }
}

package nl.lekwacht.web.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.lekwacht.config.StoreConfig;
import nl.lekwacht.config.WebConfig;
import nl.lekwacht.config.source.Cidr;
import nl.lekwacht.config.source.HostPort;
import nl.lekwacht.login.ConfigAccounts;
import nl.lekwacht.login.LoginService;
import nl.lekwacht.login.Tokens;
import nl.lekwacht.store.Database;
import nl.lekwacht.store.auth.JdbcAccounts;
import nl.lekwacht.store.auth.JdbcSessionStore;
import nl.lekwacht.store.auth.JdbcLoginAttempts;
import nl.lekwacht.web.ClientAddress;
import nl.lekwacht.web.NetworkGuard;
import nl.lekwacht.web.Pages;
import nl.lekwacht.web.StaticAssets;
import nl.lekwacht.web.WebModule;
import nl.lekwacht.web.WebServer;

/** A web server with the auth module, a store on H2 and test routes, for the auth tests. */
final class AuthHarness implements AutoCloseable {

    static final String PASSWORD = "correct horse battery staple";
    static final String API_TOKEN = "api-token-0123456789abcdef";

    final Database database;
    final WebServer server;
    final String base;

    AuthHarness(Path dir, String publicUrl, List<String> adminNetworks, WebModule routes) {
        database = Database.open(new StoreConfig("jdbc:h2:file:" + dir.resolve("store").toAbsolutePath(), "", "", 4, 1));
        String hash = BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray());
        WebConfig web = new WebConfig(new HostPort("127.0.0.1", 0), publicUrl,
                adminNetworks.stream().map(Cidr::parse).toList(), List.of(),
                List.of(new WebConfig.ApiToken("ci", API_TOKEN, List.of("privacy-officer"))),
                List.of(new WebConfig.User("fg", hash, List.of("privacy-officer")),
                        new WebConfig.User("beheer", hash, List.of("mail-admin"))), "nl",
                nl.lekwacht.config.CertificateFiles.none("web.tls"));
        ClientAddress clientAddress = new ClientAddress(web.trustedProxies());
        LoginService logins = new LoginService(new ConfigAccounts(web.users())
                .orElse(new JdbcAccounts(database.dataSource())), web.apiTokens(),
                new JdbcSessionStore(database.dataSource()), new JdbcLoginAttempts(database.dataSource()),
                new Tokens(new SecureRandom()), Clock.systemUTC(), LoginService.Limits.defaults());
        WebAuth auth = new WebAuth(logins, new NetworkGuard(web.adminNetworks(), clientAddress), clientAddress,
                publicUrl.startsWith("https:"), new JteLoginPage(new Pages(), "nl"), new Tokens(new SecureRandom()));
        server = new WebServer(web, List.of(new StaticAssets(), auth, routes), 20L * 1024 * 1024);
        server.start();
        base = "http://127.0.0.1:" + server.port();
    }

    /** A browser-like client: keeps cookies, does not follow redirects. */
    Client client() {
        return new Client(HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    final class Client {
        final HttpClient http;
        final List<String> setCookies = new ArrayList<>();

        Client(HttpClient http) {
            this.http = http;
        }

        HttpResponse<String> get(String path, String... headers) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
            if (headers.length > 0) {
                b.headers(headers);
            }
            return send(b.build());
        }

        HttpResponse<String> post(String path, Map<String, String> form, String... headers) throws Exception {
            String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (headers.length > 0) {
                b.headers(headers);
            }
            return send(b.build());
        }

        /** Opens the login form and posts it. */
        HttpResponse<String> login(String user, String password) throws Exception {
            String page = get("/login").body();
            return post("/login", Map.of("csrf", hidden(page, "csrf"), "next", "/", "username", user,
                    "password", password));
        }

        private HttpResponse<String> send(HttpRequest request) throws Exception {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            setCookies.addAll(response.headers().allValues("Set-Cookie"));
            return response;
        }
    }

    static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no hidden field " + name + " in " + html);
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}

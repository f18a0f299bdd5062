package nl.lekwacht.config;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.lekwacht.config.source.Cidr;
import nl.lekwacht.config.source.ConfigNode;
import nl.lekwacht.config.source.HostPort;

/**
 * The web side: confirmation links, the register, the API and metrics.
 *
 * @param publicUrl     base of every link in a notification, without trailing slash
 * @param adminNetworks only these may reach the register, admin pages, API and metrics
 * @param trustedProxies only these may set X-Forwarded-For
 * @param language      default language of pages and mails: {@code nl} or {@code en}
 * @param tls           when configured, the web port speaks HTTPS with this certificate (reloaded when
 *                      its files change); else plain HTTP, for a reverse proxy in front
 */
public record WebConfig(HostPort listen, String publicUrl, List<Cidr> adminNetworks, List<Cidr> trustedProxies,
                        List<ApiToken> apiTokens, List<User> users, String language, CertificateFiles tls) {

    public record ApiToken(String name, String token, List<String> roles) {
    }

    /** A local account; {@code passwordHash} is bcrypt. */
    public record User(String name, String passwordHash, List<String> roles) {
    }

    static final Set<String> ROLES = Set.of("privacy-officer", "mail-admin", "staff");

    static WebConfig read(ConfigNode node) {
        node.rejectUnknownKeys(Set.of("listen", "public-url", "admin-networks", "trusted-proxies", "api-tokens",
                "users", "language", "tls"));
        ConfigNode tlsNode = node.child("tls");
        tlsNode.rejectUnknownKeys(CertificateFiles.KEYS);
        CertificateFiles tls = CertificateFiles.read(tlsNode, "web.tls");
        HostPort listen = node.hostPort("listen", new HostPort("127.0.0.1", 8025));
        String publicUrl = node.string("public-url", "http://" + listen);
        if (!publicUrl.startsWith("http://") && !publicUrl.startsWith("https://")) {
            node.problem("public-url", "must start with http:// or https://");
        }
        List<ApiToken> tokens = node.list("api-tokens").stream().map(t -> {
            t.rejectUnknownKeys(Set.of("name", "token", "roles"));
            List<String> roles = roles(t);
            String token = t.string("token", "");
            if (!token.isEmpty() && token.length() < 16) {
                t.problem("token", "an API token must be at least 16 characters");
            }
            return new ApiToken(t.string("name", "token"), token, roles);
        }).filter(t -> !t.token().isEmpty()).toList();
        List<User> users = node.list("users").stream().map(u -> {
            u.rejectUnknownKeys(Set.of("name", "password-hash", "roles"));
            String hash = u.string("password-hash", "");
            if (!hash.startsWith("$2")) {
                u.problem("password-hash", "expected a bcrypt hash ($2a$/$2b$/$2y$...)");
            }
            return new User(u.string("name", ""), hash, roles(u));
        }).toList();
        String language = node.string("language", "nl").toLowerCase(Locale.ROOT);
        if (!language.equals("nl") && !language.equals("en")) {
            node.problem("language", "expected nl or en, got '" + language + "'");
            language = "nl";
        }
        return new WebConfig(listen, stripSlash(publicUrl),
                node.networks("admin-networks", List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1/128"))),
                node.networks("trusted-proxies", List.of()), tokens, users, language, tls);
    }

    private static List<String> roles(ConfigNode node) {
        List<String> roles = node.strings("roles", List.of());
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                node.problem("roles", "unknown role '" + role + "' (known: privacy-officer, mail-admin, staff)");
            }
        }
        return roles;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

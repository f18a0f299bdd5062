package nl.lekwacht.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.lekwacht.config.source.Cidr;
import nl.lekwacht.config.source.ConfigNode;
import nl.lekwacht.config.source.HostPort;

/**
 * The receiving side: where Lekwacht listens, whom it accepts mail from and the limits it enforces.
 *
 * @param hostname               name in our greeting and Received: lines
 * @param maxConnectionsPerClient concurrent sessions one client address may hold
 * @param idleTimeout            how long a session may wait for the client's next command or data
 * @param sessionTimeout         how long one session may last at most, whatever it does
 * @param spoolMemoryThreshold   messages up to this size are spooled in memory, larger ones to an
 *                               encrypted temp file in {@code spoolDirectory}
 * @param maxReceivedHeaders     more Received: lines than this means a mail loop
 * @param maxHeaderSize          bytes of header section a message may have
 * @param maxCommandsPerSession  commands one session may send (QUIT aside) before it is closed with 421
 * @param exchangeOnline         the tenant check for clients in Microsoft's shared ranges
 */
public record SmtpConfig(HostPort listen, String hostname, List<Cidr> allowedNetworks, long maxMessageSize,
                         int maxRecipients, int maxConnections, int maxConnectionsPerClient,
                         Duration idleTimeout, Duration sessionTimeout, long spoolMemoryThreshold,
                         Path spoolDirectory, int maxReceivedHeaders, long maxHeaderSize,
                         int maxCommandsPerSession, Tls tls, Auth auth, ExchangeOnline exchangeOnline) {

    /** STARTTLS on the receiving side. */
    public enum TlsMode { NONE, OPTIONAL, REQUIRED }

    /**
     * @param certificate the server certificate, PEM or PKCS#12; reloaded when its files change
     */
    public record Tls(TlsMode mode, CertificateFiles certificate) {

        /** The certificate to serve: none while STARTTLS is off, whatever the files say. */
        public CertificateFiles served() {
            return mode == TlsMode.NONE ? CertificateFiles.none(certificate.section()) : certificate;
        }
    }

    /**
     * SMTP AUTH (PLAIN and LOGIN, offered only after STARTTLS).
     *
     * @param required when true, MAIL is refused until the client authenticated
     * @param users    accounts: name and bcrypt hash of the password
     */
    public record Auth(boolean required, List<User> users) {
        public boolean enabled() {
            return !users.isEmpty();
        }
    }

    public record User(String name, String passwordHash) {
    }

    /**
     * Exchange Online connects from address ranges and with a certificate that every Microsoft 365
     * tenant shares, so a client in {@code networks} may relay only mail that Exchange Online stamped
     * with the organisation's own tenant id. Those networks may connect without being in
     * {@code allowed-networks}; a client in both is checked all the same.
     *
     * @param tenantId the organisation's tenant id, lower case; empty when the check is off
     * @param networks the client networks the check applies to (Microsoft's outbound ranges)
     */
    public record ExchangeOnline(Optional<String> tenantId, List<Cidr> networks) {
        public ExchangeOnline {
            networks = List.copyOf(networks);
        }

        public static ExchangeOnline off() {
            return new ExchangeOnline(Optional.empty(), List.of());
        }

        public boolean enabled() {
            return tenantId.isPresent();
        }
    }

    private static final java.util.regex.Pattern GUID = java.util.regex.Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    static SmtpConfig read(ConfigNode node) {
        node.rejectUnknownKeys(Set.of("listen", "hostname", "allowed-networks", "max-message-size",
                "max-recipients", "max-connections", "max-connections-per-client", "idle-timeout",
                "session-timeout", "spool-memory-threshold", "spool-directory", "max-received-headers",
                "max-header-size", "max-commands-per-session", "tls", "auth", "exchange-online"));
        long maxSize = node.size("max-message-size", 50L * 1024 * 1024, 1024);
        if (maxSize > Integer.MAX_VALUE) {
            node.problem("max-message-size", "must be below 2GB");
            maxSize = 50L * 1024 * 1024;
        }
        ConfigNode tlsNode = node.child("tls");
        tlsNode.rejectUnknownKeys(union(Set.of("mode"), CertificateFiles.KEYS));
        Tls tls = new Tls(tlsNode.enumValue("mode", TlsMode.class, TlsMode.NONE),
                CertificateFiles.read(tlsNode, "smtp.tls"));
        if (tls.mode() != TlsMode.NONE && !tls.certificate().configured()) {
            tlsNode.problem("certificate", "STARTTLS needs the server certificate: certificate and private-key "
                    + "(PEM), or keystore (PKCS#12)");
        }
        ConfigNode authNode = node.child("auth");
        authNode.rejectUnknownKeys(Set.of("required", "users"));
        List<User> users = authNode.list("users").stream().map(u -> {
            u.rejectUnknownKeys(Set.of("name", "password-hash"));
            String name = u.string("name", "");
            String hash = u.string("password-hash", "");
            if (name.isEmpty()) {
                u.problem("name", "every SMTP user needs a name");
            }
            if (!hash.startsWith("$2")) {
                u.problem("password-hash", "expected a bcrypt hash ($2a$/$2b$/$2y$...)");
            }
            return new User(name, hash);
        }).toList();
        Auth auth = new Auth(authNode.bool("required", false), users);
        if (auth.required() && users.isEmpty()) {
            authNode.problem("required", "AUTH is required but smtp.auth.users is empty");
        }
        if (auth.enabled() && tls.mode() == TlsMode.NONE) {
            authNode.problem("users", "AUTH is offered only after STARTTLS: set smtp.tls.mode");
        }
        int maxRecipients = node.integer("max-recipients", 1000, 1, 100_000);
        int maxCommands = node.integer("max-commands-per-session", 10_000, 10, 10_000_000);
        if (maxCommands < maxRecipients + 10) {
            // one message with the most recipients must fit in a session: EHLO, MAIL, RCPT..., DATA
            node.problem("max-commands-per-session", "must be at least smtp.max-recipients + 10 ("
                    + (maxRecipients + 10) + ")");
        }
        return new SmtpConfig(
                node.hostPort("listen", new HostPort("127.0.0.1", 2525)),
                node.string("hostname", "lekwacht.localdomain"),
                node.networks("allowed-networks", List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1/128"))),
                maxSize,
                maxRecipients,
                node.integer("max-connections", 200, 1, 100_000),
                node.integer("max-connections-per-client", 50, 1, 100_000),
                node.duration("idle-timeout", Duration.ofMinutes(5)),
                node.duration("session-timeout", Duration.ofMinutes(30)),
                node.size("spool-memory-threshold", 1024L * 1024, 0),
                Path.of(node.string("spool-directory", "data/spool")),
                node.integer("max-received-headers", 30, 1, 1000),
                node.size("max-header-size", 1024L * 1024, 1024),
                maxCommands, tls, auth, exchangeOnline(node.child("exchange-online")));
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static ExchangeOnline exchangeOnline(ConfigNode node) {
        if (!node.isPresent()) {
            return ExchangeOnline.off();
        }
        node.rejectUnknownKeys(Set.of("tenant-id", "networks"));
        Optional<String> tenant = node.optionalString("tenant-id").map(t -> t.trim().toLowerCase(java.util.Locale.ROOT))
                .filter(t -> !t.isEmpty());
        List<Cidr> networks = node.networks("networks", List.of());
        if (tenant.isPresent() && !GUID.matcher(tenant.get()).matches()) {
            node.problem("tenant-id", "expected the tenant id as a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");
        }
        if (tenant.isPresent() && networks.isEmpty()) {
            node.problem("networks", "name the networks Exchange Online connects from (Microsoft's outbound ranges)");
        }
        if (tenant.isEmpty() && !networks.isEmpty()) {
            // networks without a tenant would let every Microsoft 365 tenant relay
            node.problem("tenant-id", "required when smtp.exchange-online.networks is set");
        }
        return new ExchangeOnline(tenant, networks);
    }
}

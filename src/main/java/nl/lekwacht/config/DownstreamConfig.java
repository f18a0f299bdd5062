package nl.lekwacht.config;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import nl.lekwacht.config.source.ConfigNode;

/**
 * The next hop Lekwacht relays to.
 *
 * @param connectTimeout how long to wait for a connection and the greeting
 * @param commandTimeout how long to wait for a reply to MAIL, RCPT, RSET
 * @param dataTimeout    how long to wait for the reply after the end of data
 * @param truststore     PKCS#12 truststore for {@code tls: required} when the next hop's certificate is
 *                       not signed by a public CA
 */
public record DownstreamConfig(String host, int port, TlsPolicy tls, Duration connectTimeout,
                               Duration commandTimeout, Duration dataTimeout, String heloName,
                               Optional<Credentials> auth, Optional<String> truststore,
                               String truststorePassword) {

    public enum TlsPolicy { NONE, OPPORTUNISTIC, REQUIRED }

    public record Credentials(String username, String password) {
    }

    static DownstreamConfig read(ConfigNode node) {
        node.rejectUnknownKeys(Set.of("host", "port", "tls", "connect-timeout", "command-timeout",
                "data-timeout", "helo-name", "username", "password", "truststore", "truststore-password"));
        Optional<String> user = node.optionalString("username");
        Optional<Credentials> auth = user.map(u -> new Credentials(u, node.string("password", "")));
        return new DownstreamConfig(
                node.string("host", "127.0.0.1"),
                node.integer("port", 25, 1, 65535),
                node.enumValue("tls", TlsPolicy.class, TlsPolicy.NONE),
                node.duration("connect-timeout", Duration.ofSeconds(30)),
                node.duration("command-timeout", Duration.ofMinutes(2)),
                node.duration("data-timeout", Duration.ofMinutes(5)),
                node.string("helo-name", "lekwacht.localdomain"),
                auth,
                node.optionalString("truststore"),
                node.string("truststore-password", ""));
    }
}

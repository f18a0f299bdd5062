package nl.lekwacht.config;

import java.util.Set;
import nl.lekwacht.config.source.ConfigNode;

/**
 * Where Lekwacht keeps its state.
 *
 * @param url       JDBC URL: {@code jdbc:h2:file:...} (one instance) or {@code jdbc:postgresql:...}
 * @param instances how many gateways share this store; more than one needs PostgreSQL
 */
public record StoreConfig(String url, String username, String password, int maxPoolSize, int instances) {

    public static final String DEFAULT_URL = "jdbc:h2:file:./data/lekwacht";

    public boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    static StoreConfig read(ConfigNode node) {
        node.rejectUnknownKeys(Set.of("url", "username", "password", "max-pool-size", "instances"));
        String url = node.string("url", DEFAULT_URL);
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            node.problem("url", "expected a jdbc:h2: or jdbc:postgresql: URL");
        }
        int instances = node.integer("instances", 1, 1, 100);
        if (instances > 1 && url.startsWith("jdbc:h2:")) {
            node.problem("instances", "several instances must share PostgreSQL; an H2 file serves one instance");
        }
        return new StoreConfig(url, node.string("username", ""), node.string("password", ""),
                node.integer("max-pool-size", 10, 1, 200), instances);
    }
}

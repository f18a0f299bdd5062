package nl.lekwacht.config;

import java.util.Set;
import nl.lekwacht.config.source.ConfigNode;

/**
 * How the gateway writes its log (to standard error, which the service manager keeps).
 *
 * @param format {@code text}: one readable line per event; {@code json}: one JSON object per line for
 *               a log collector, the per-transaction pairs as fields of their own
 */
public record LoggingConfig(Format format) {

    public enum Format { TEXT, JSON }

    static LoggingConfig read(ConfigNode node) {
        node.rejectUnknownKeys(Set.of("format"));
        return new LoggingConfig(node.enumValue("format", Format.class, Format.TEXT));
    }
}

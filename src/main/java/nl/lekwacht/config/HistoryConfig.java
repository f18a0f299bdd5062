package nl.lekwacht.config;

import java.time.Duration;
import java.util.Set;
import nl.lekwacht.config.source.ConfigNode;

/**
 * Correspondence history.
 *
 * @param refresh          how soon changes written by another instance are seen
 * @param learningMessages a sender with fewer known messages is still learning: recipient findings are
 *                         reported but never hold mail
 * @param retention        correspondents not mailed for this long are forgotten
 */
public record HistoryConfig(Duration refresh, int learningMessages, Duration retention) {

    static HistoryConfig read(ConfigNode node) {
        node.rejectUnknownKeys(Set.of("refresh", "learning-messages", "retention"));
        return new HistoryConfig(node.duration("refresh", Duration.ofSeconds(60)),
                node.integer("learning-messages", 20, 0, 1_000_000),
                node.duration("retention", Duration.ofDays(2 * 365)));
    }
}

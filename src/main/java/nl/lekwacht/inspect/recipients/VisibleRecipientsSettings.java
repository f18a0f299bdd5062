package nl.lekwacht.inspect.recipients;

import java.util.Set;
import nl.lekwacht.config.source.ConfigNode;

/**
 * Settings of {@code detectors.visible-recipients}.
 *
 * @param enabled           run the detector at all
 * @param threshold         this many external addresses visible in To/Cc is a finding
 * @param consumerThreshold this many visible addresses at consumer mail domains (private persons) is a
 *                          finding
 * @param groupSeenTimes    not a finding when the same group (or a larger one containing it) received
 *                          this many messages together before
 * @param mediumFrom        severity MEDIUM from this many exposed addresses
 * @param highFrom          severity HIGH from this many exposed addresses
 */
public record VisibleRecipientsSettings(boolean enabled, int threshold, int consumerThreshold, int groupSeenTimes,
                                        int mediumFrom, int highFrom) {

    public static VisibleRecipientsSettings defaults() {
        return read(ConfigNode.empty());
    }

    public static VisibleRecipientsSettings read(ConfigNode node) {
        node.rejectUnknownKeys(Set.of("enabled", "threshold", "consumer-threshold", "group-seen-times",
                "medium-from", "high-from"));
        int threshold = node.integer("threshold", 5, 2, 100_000);
        int consumer = node.integer("consumer-threshold", 2, 2, 100_000);
        int medium = node.integer("medium-from", 10, 2, 100_000);
        int high = node.integer("high-from", 25, 2, 100_000);
        if (high < medium) {
            node.problem("high-from", "must not be below medium-from (" + medium + ")");
        }
        return new VisibleRecipientsSettings(node.bool("enabled", true), threshold, consumer,
                node.integer("group-seen-times", 1, 1, 100_000), medium, high);
    }
}

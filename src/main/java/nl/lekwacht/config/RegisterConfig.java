package nl.lekwacht.config;

import java.time.Duration;
import java.util.Set;
import nl.lekwacht.config.source.ConfigNode;

/**
 * The breach register.
 *
 * @param deadlineHours hours from discovery to the AP notification deadline (AVG art. 33: 72)
 * @param retention     how long closed incidents' derived data and audit entries are kept
 * @param privacyOfficerEmail where new reports are announced (without their content)
 */
public record RegisterConfig(int deadlineHours, Duration retention, String privacyOfficerEmail) {

    static RegisterConfig read(ConfigNode node) {
        node.rejectUnknownKeys(Set.of("deadline-hours", "retention", "privacy-officer-email"));
        return new RegisterConfig(node.integer("deadline-hours", 72, 1, 24 * 30),
                node.duration("retention", Duration.ofDays(5 * 365)),
                node.string("privacy-officer-email", ""));
    }
}

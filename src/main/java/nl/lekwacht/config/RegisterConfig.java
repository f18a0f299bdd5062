package nl.lekwacht.config;

import java.time.Duration;
import java.util.Set;
import nl.lekwacht.config.source.ConfigNode;

/**
 * The breach register.
 *
 * @param deadlineHours hours from discovery to the AP notification deadline (AVG art. 33: 72)
 * @param retention     how long a finished incident keeps the message's metadata (sender, subject,
 *                      recipients' domains, masked evidence); the AP form's answers stay
 * @param privacyOfficerEmail where new reports are announced (without their content)
 * @param auditRetention how long audit entries are kept
 * @param notificationRetention how long a report link in a delivery notice works and is kept
 */
public record RegisterConfig(int deadlineHours, Duration retention, String privacyOfficerEmail,
                             Duration auditRetention, Duration notificationRetention) {

    public RegisterConfig(int deadlineHours, Duration retention, String privacyOfficerEmail) {
        this(deadlineHours, retention, privacyOfficerEmail, retention, Duration.ofDays(14));
    }

    static RegisterConfig read(ConfigNode node) {
        node.rejectUnknownKeys(Set.of("deadline-hours", "retention", "privacy-officer-email", "audit-retention",
                "notification-retention"));
        Duration retention = node.duration("retention", Duration.ofDays(5 * 365));
        return new RegisterConfig(node.integer("deadline-hours", 72, 1, 24 * 30), retention,
                node.string("privacy-officer-email", ""),
                node.duration("audit-retention", retention),
                node.duration("notification-retention", Duration.ofDays(14)));
    }
}

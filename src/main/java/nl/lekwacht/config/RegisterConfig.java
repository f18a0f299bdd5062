package nl.lekwacht.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import nl.lekwacht.config.source.Cidr;
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
 * @param intake        limits of the report forms {@code /melden} and {@code /melden/medewerker}
 * @param departments   which department a sender belongs to, for the register's figures per department
 */
public record RegisterConfig(int deadlineHours, Duration retention, String privacyOfficerEmail,
                             Duration auditRetention, Duration notificationRetention, Intake intake,
                             Departments departments) {

    public RegisterConfig(int deadlineHours, Duration retention, String privacyOfficerEmail,
                          Duration auditRetention, Duration notificationRetention, Intake intake) {
        this(deadlineHours, retention, privacyOfficerEmail, auditRetention, notificationRetention, intake,
                Departments.none());
    }

    public RegisterConfig(int deadlineHours, Duration retention, String privacyOfficerEmail) {
        this(deadlineHours, retention, privacyOfficerEmail, retention, Duration.ofDays(14));
    }

    public RegisterConfig(int deadlineHours, Duration retention, String privacyOfficerEmail,
                          Duration auditRetention, Duration notificationRetention) {
        this(deadlineHours, retention, privacyOfficerEmail, auditRetention, notificationRetention,
                Intake.defaults());
    }

    /**
     * The report forms' limits.
     *
     * @param reportLimit     reports accepted per client address within {@code reportWindow}; an IPv6
     *                        client counts by its /64, since one connection has a whole /64 to choose from
     * @param textChars       most characters of a free-text answer
     * @param lineChars       most characters of a one-line answer (when, phone, department, ...)
     * @param confirmationLimit confirmation mails per reporter address within {@code confirmationWindow}
     * @param staffNetworks   networks whose visitors may use the staff form without a login (empty: login only)
     * @param uploadBytes     largest document a privacy officer may add to an incident
     * @param hourlyLimit     reports accepted per hour from all addresses together (resident and staff form)
     * @param linkSubmissions reports a sender may send through one report link ({@code /r/...})
     */
    public record Intake(int reportLimit, Duration reportWindow, int textChars, int lineChars,
                         int confirmationLimit, Duration confirmationWindow, List<Cidr> staffNetworks,
                         long uploadBytes, int hourlyLimit, int linkSubmissions) {

        public Intake {
            staffNetworks = List.copyOf(staffNetworks);
        }

        public static Intake defaults() {
            return new Intake(5, Duration.ofHours(1), 5000, 200, 3, Duration.ofDays(1), List.of(), 20L << 20, 100, 3);
        }
    }

    static RegisterConfig read(ConfigNode node) {
        node.rejectUnknownKeys(Set.of("deadline-hours", "retention", "privacy-officer-email", "audit-retention",
                "notification-retention", "report-limit", "report-window", "report-text-chars", "report-line-chars",
                "confirmation-limit", "confirmation-window", "staff-networks", "upload-size", "report-hourly-limit",
                "report-link-submissions", "departments"));
        Intake defaults = Intake.defaults();
        Intake intake = new Intake(node.integer("report-limit", defaults.reportLimit(), 1, 1_000_000),
                node.duration("report-window", defaults.reportWindow()),
                node.integer("report-text-chars", defaults.textChars(), 100, 100_000),
                node.integer("report-line-chars", defaults.lineChars(), 20, 2000),
                node.integer("confirmation-limit", defaults.confirmationLimit(), 0, 1000),
                node.duration("confirmation-window", defaults.confirmationWindow()),
                node.networks("staff-networks", List.of()),
                node.size("upload-size", defaults.uploadBytes(), 1024),
                node.integer("report-hourly-limit", defaults.hourlyLimit(), 1, 1_000_000),
                node.integer("report-link-submissions", defaults.linkSubmissions(), 1, 100));
        Duration retention = node.duration("retention", Duration.ofDays(5 * 365));
        return new RegisterConfig(node.integer("deadline-hours", 72, 1, 24 * 30), retention,
                node.string("privacy-officer-email", ""),
                node.duration("audit-retention", retention),
                node.duration("notification-retention", Duration.ofDays(14)), intake,
                Departments.read(node.child("departments")));
    }
}

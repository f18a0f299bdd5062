package nl.lekwacht.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.tls.TlsSide;

/**
 * What a configuration needs beyond being well-formed before {@code run} takes mail: the secrets
 * (without them held mail could never be released after a restart), certificates that can be served
 * (and a warning two weeks before one expires), and settings that work but are
 * almost certainly left from an example. {@code demo} makes its own secrets and skips these.
 */
final class ProductionChecks {

    static final String FRESH = "`lekwacht secrets` prints fresh values (" + SecretsCommand.LINK_SECRET + ", "
            + SecretsCommand.HOLD_KEY + " in the environment file)";

    private ProductionChecks() {
    }

    /** Problems that make {@code run} refuse to start, each naming its key. */
    static List<String> errors(LekwachtConfig config) {
        List<String> errors = new ArrayList<>();
        if (config.hold().linkSecret().isBlank()) {
            errors.add("hold.link-secret: not set; it signs the links in notices and must be the same on every "
                    + "instance; " + FRESH);
        }
        if (config.hold().encryptionKey().isBlank()) {
            errors.add("hold.encryption-key: not set; without it held mail cannot be opened after a restart; "
                    + FRESH);
        }
        // a certificate that cannot be read stops the start; say so before, with the file
        errors.addAll(TlsSide.problems(config.smtp().tls().served(), config.web().tls()));
        return errors;
    }

    /** Settings that work but are probably wrong, each naming its key. */
    static List<String> warnings(LekwachtConfig config) {
        List<String> warnings = new ArrayList<>();
        String from = config.hold().notifyFrom().toLowerCase(Locale.ROOT);
        String domain = from.substring(from.lastIndexOf('@') + 1);
        if (domain.equals("localhost") || domain.endsWith(".localhost") || domain.equals("localdomain")
                || domain.endsWith(".localdomain")) {
            warnings.add("hold.notify-from: " + config.hold().notifyFrom() + " is not a real mail domain; "
                    + "notices and replies to them get lost; use an address of your own domain");
        }
        warnings.addAll(TlsSide.expiring(Instant.now(), Duration.ofDays(14), config.smtp().tls().served(),
                config.web().tls()));
        return warnings;
    }
}

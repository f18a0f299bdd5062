package nl.lekwacht.config;

import java.util.List;
import java.util.Set;
import nl.lekwacht.config.source.ConfigNode;
import nl.lekwacht.config.source.ConfigProblem;

/**
 * The whole configuration, typed. Built only by {@link ConfigLoader}, which reports every invalid
 * value with its key.
 *
 * @param policy    the {@code policy} section, raw: the policy reads and validates its settings from it
 * @param detectors the {@code detectors} section, raw: each detector family reads and validates its
 *                  own settings record from it
 * @param problems  everything wrong with the file; the gateway does not start unless this is empty
 */
public record LekwachtConfig(SmtpConfig smtp, DownstreamConfig downstream, OrganisationConfig organisation,
                             ConfigNode policy, HoldConfig hold, RegisterConfig register, WebConfig web,
                             StoreConfig store, HistoryConfig history, ConfigNode detectors,
                             LoggingConfig logging) {

    static final Set<String> SECTIONS = Set.of("smtp", "downstream", "organisation", "detectors", "policy",
            "hold", "register", "web", "store", "history", "logging");

    static LekwachtConfig read(ConfigNode root) {
        root.rejectUnknownKeys(SECTIONS);
        LekwachtConfig config = new LekwachtConfig(
                SmtpConfig.read(root.child("smtp")),
                DownstreamConfig.read(root.child("downstream")),
                OrganisationConfig.read(root.child("organisation")),
                root.child("policy"),
                HoldConfig.read(root.child("hold")),
                RegisterConfig.read(root.child("register")),
                WebConfig.read(root.child("web")),
                StoreConfig.read(root.child("store")),
                HistoryConfig.read(root.child("history")),
                root.child("detectors"),
                LoggingConfig.read(root.child("logging")));
        config.hold().escalateTo().forEach((sender, delegate) -> {
            if (!config.organisation().isInternal(delegate)) {
                // the delegate's notice shows the held message's subject, recipients and findings
                root.child("hold").child("escalate-to").problem("", "the delegate of " + sender
                        + " must be an address of organisation.internal-domains, got " + delegate);
            }
        });
        return config;
    }

    /** Problems recorded so far, including those found by detector families reading their settings. */
    public List<ConfigProblem> problems() {
        return detectors.problems().all();
    }
}

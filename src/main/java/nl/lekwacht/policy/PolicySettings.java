package nl.lekwacht.policy;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.lekwacht.config.source.ConfigNode;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.inspect.Severity;

/**
 * What to do about each kind of finding: the {@code policy} section, read by the policy itself (like
 * each detector family reads its own settings), so the configuration package knows no finding code.
 *
 * @param actions           action per finding code; codes not named take {@link #DEFAULT_ACTIONS}
 * @param onError           what to do with a message when a detector failed on it
 * @param fallback          what to do instead of HOLD when the sender cannot be asked (outside or
 *                          null sender)
 * @param minimumSeverity   findings below this severity (per code) are only logged
 * @param exemptions        findings a sender or recipient domain may carry without action
 * @param incidentOnOverride codes for which a sender's "send anyway" opens a register incident
 */
public record PolicySettings(Map<FindingCode, RuleAction> actions, RuleAction onError, RuleAction fallback,
                           Map<FindingCode, Severity> minimumSeverity, List<Exemption> exemptions,
                           Set<FindingCode> incidentOnOverride) {

    /**
     * {@code hold}: keep and ask the sender; {@code reject}: refuse with 550; {@code delay}: keep for
     * {@code hold.delay} with the same notice and link, then send unless the sender stopped or fixed it;
     * {@code monitor}: deliver and open an incident; {@code allow}: deliver and only log. The order is the
     * precedence: reject over hold over delay over monitor over allow.
     */
    public enum RuleAction {
        ALLOW, MONITOR, DELAY, HOLD, REJECT
    }

    /**
     * A finding that is expected for some senders or recipients. All non-empty conditions must hold.
     *
     * @param senders          envelope senders (exact addresses or {@code @domain})
     * @param recipientDomains every recipient must be at one of these domains
     * @param codes            codes exempted; empty means every code
     */
    public record Exemption(List<String> senders, List<String> recipientDomains, Set<FindingCode> codes) {
    }

    public static final Map<FindingCode, RuleAction> DEFAULT_ACTIONS = Map.of(
            FindingCode.BSN, RuleAction.HOLD,
            FindingCode.SPECIAL_CATEGORY, RuleAction.HOLD,
            FindingCode.IBAN, RuleAction.ALLOW,
            FindingCode.UNINSPECTABLE_ATTACHMENT, RuleAction.MONITOR,
            FindingCode.VISIBLE_RECIPIENTS, RuleAction.HOLD,
            FindingCode.MISDIRECTED_RECIPIENT, RuleAction.HOLD,
            FindingCode.NEW_RECIPIENT_WITH_PERSONAL_DATA, RuleAction.HOLD);

    public RuleAction actionFor(FindingCode code) {
        return actions.getOrDefault(code, DEFAULT_ACTIONS.getOrDefault(code, RuleAction.MONITOR));
    }

    /**
     * Minimum severities that apply unless the configuration names the code: an attachment OCR read and
     * found no text in (LOW, most often a photo) is logged, not made an incident of for every picture.
     */
    static final Map<FindingCode, Severity> DEFAULT_MINIMUM_SEVERITY =
            Map.of(FindingCode.UNINSPECTABLE_ATTACHMENT, Severity.MEDIUM);

    public static PolicySettings defaults() {
        return new PolicySettings(Map.of(), RuleAction.MONITOR, RuleAction.MONITOR, DEFAULT_MINIMUM_SEVERITY, List.of(),
                Set.of(FindingCode.VISIBLE_RECIPIENTS, FindingCode.MISDIRECTED_RECIPIENT));
    }

    /** Reads the {@code policy} section; problems join the configuration's problem list. */
    public static PolicySettings read(ConfigNode node) {
        Set<String> known = new HashSet<>(Set.of("on-error", "fallback", "minimum-severity", "exemptions",
                "incident-on-override"));
        Map<FindingCode, RuleAction> actions = new EnumMap<>(FindingCode.class);
        for (FindingCode code : FindingCode.values()) {
            known.add(code.name());
            if (node.has(code.name())) {
                actions.put(code, node.enumValue(code.name(), RuleAction.class, DEFAULT_ACTIONS.get(code)));
            }
        }
        node.rejectUnknownKeys(known);
        Map<FindingCode, Severity> minimum = new EnumMap<>(DEFAULT_MINIMUM_SEVERITY);
        ConfigNode minNode = node.child("minimum-severity");
        for (String key : minNode.keys()) {
            try {
                FindingCode code = ConfigNode.parseEnum(FindingCode.class, key);
                minimum.put(code, minNode.enumValue(key, Severity.class, Severity.LOW));
            } catch (IllegalArgumentException e) {
                minNode.problem(key, "not a finding code");
            }
        }
        List<Exemption> exemptions = node.list("exemptions").stream().map(PolicySettings::readExemption).toList();
        Set<FindingCode> incidentOnOverride = new HashSet<>();
        List<String> overrideCodes = node.strings("incident-on-override",
                List.of("VISIBLE_RECIPIENTS", "MISDIRECTED_RECIPIENT"));
        for (String code : overrideCodes) {
            try {
                incidentOnOverride.add(ConfigNode.parseEnum(FindingCode.class, code));
            } catch (IllegalArgumentException e) {
                node.problem("incident-on-override", "not a finding code: " + code);
            }
        }
        return new PolicySettings(Map.copyOf(actions),
                node.enumValue("on-error", RuleAction.class, RuleAction.MONITOR),
                node.enumValue("fallback", RuleAction.class, RuleAction.MONITOR),
                Map.copyOf(minimum), exemptions, Set.copyOf(incidentOnOverride));
    }

    private static Exemption readExemption(ConfigNode node) {
        node.rejectUnknownKeys(Set.of("senders", "recipient-domains", "codes"));
        Set<FindingCode> codes = new HashSet<>();
        for (String code : node.strings("codes", List.of())) {
            try {
                codes.add(ConfigNode.parseEnum(FindingCode.class, code));
            } catch (IllegalArgumentException e) {
                node.problem("codes", "not a finding code: " + code);
            }
        }
        List<String> senders = node.strings("senders", List.of());
        List<String> domains = node.strings("recipient-domains", List.of());
        if (senders.isEmpty() && domains.isEmpty()) {
            node.problem("", "an exemption needs senders or recipient-domains, else it exempts everything");
        }
        return new Exemption(senders, domains, Set.copyOf(codes));
    }
}

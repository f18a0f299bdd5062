package nl.lekwacht.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import nl.lekwacht.config.OrganisationConfig;
import nl.lekwacht.flow.Verdict;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.InspectionResult;
import nl.lekwacht.policy.PolicySettings.Exemption;
import nl.lekwacht.policy.PolicySettings.RuleAction;
import nl.lekwacht.message.Envelope;

/**
 * Turns findings into a verdict, from configuration alone: detectors never decide. Thread-safe.
 *
 * <p>The strongest action of any finding wins (reject over hold over delay over monitor over allow). A
 * hold or a delay is only possible for an internal, non-null sender, who can be asked (and told); anyone else's risky mail takes
 * the configured fallback. A failed detector takes the configured error action, so a bug in a
 * detector can neither lose mail nor let it pass unrecorded. A finding marked as made during the
 * sender's learning period ({@link Finding#DETAIL_LEARNING}) is only logged: it never holds mail.
 */
public final class Policy {

    private final PolicySettings config;
    private final OrganisationConfig organisation;
    private final boolean holdingAvailable;

    /**
     * @param holdingAvailable false when this gateway has no hold store; every HOLD then takes the
     *                         fallback, as for a sender who cannot be asked
     */
    public Policy(PolicySettings config, OrganisationConfig organisation, boolean holdingAvailable) {
        this.config = config;
        this.organisation = organisation;
        this.holdingAvailable = holdingAvailable;
    }

    public Verdict decide(InspectionResult inspection, Envelope envelope) {
        RuleAction strongest = RuleAction.ALLOW;
        List<String> reasons = new ArrayList<>();
        for (Finding finding : inspection.findings()) {
            RuleAction action = actionFor(finding, envelope);
            if (action.compareTo(RuleAction.ALLOW) > 0) {
                reasons.add(Reasons.describe(finding));
            }
            strongest = max(strongest, action);
        }
        if (!inspection.complete()) {
            strongest = max(strongest, config.onError());
            reasons.add("inspection incomplete (" + String.join(", ", inspection.failedDetectors()) + ")");
        }
        if ((strongest == RuleAction.HOLD || strongest == RuleAction.DELAY) && !canBeAsked(envelope)) {
            strongest = config.fallback() == RuleAction.HOLD || config.fallback() == RuleAction.DELAY
                    ? RuleAction.MONITOR : config.fallback();
            reasons.add("sender cannot confirm: fallback " + strongest.name().toLowerCase(Locale.ROOT));
        }
        List<String> distinctReasons = reasons.stream().distinct().toList();
        return switch (strongest) {
            case REJECT -> new Verdict(Verdict.Action.REJECT, distinctReasons, inspection.findings(), false);
            case HOLD -> new Verdict(Verdict.Action.HOLD, distinctReasons, inspection.findings(), false);
            case DELAY -> new Verdict(Verdict.Action.DELAY, distinctReasons, inspection.findings(), false);
            case MONITOR -> new Verdict(Verdict.Action.DELIVER, distinctReasons, inspection.findings(), true);
            case ALLOW -> new Verdict(Verdict.Action.DELIVER, distinctReasons, inspection.findings(), false);
        };
    }

    /** The action configured for this finding once exemptions and minimum severity are applied. */
    public RuleAction actionFor(Finding finding, Envelope envelope) {
        if (isExempt(finding, envelope)) {
            return RuleAction.ALLOW;
        }
        var minimum = config.minimumSeverity().get(finding.code());
        if (minimum != null && !finding.severity().atLeast(minimum)) {
            return RuleAction.ALLOW;
        }
        RuleAction action = config.actionFor(finding.code());
        if (isLearning(finding) && action.compareTo(RuleAction.ALLOW) > 0) {
            // Learning period: history is too thin to trust; report (log, trace header) but never act.
            return RuleAction.ALLOW;
        }
        return action;
    }

    /** A finding made while the sender's history was still being learned ({@link Finding#DETAIL_LEARNING}). */
    private static boolean isLearning(Finding finding) {
        return "true".equals(finding.details().get(Finding.DETAIL_LEARNING));
    }

    private boolean canBeAsked(Envelope envelope) {
        return holdingAvailable && !envelope.isNullSender() && organisation.isInternal(envelope.sender());
    }

    private boolean isExempt(Finding finding, Envelope envelope) {
        for (Exemption exemption : config.exemptions()) {
            if (!exemption.codes().isEmpty() && !exemption.codes().contains(finding.code())) {
                continue;
            }
            if (!exemption.senders().isEmpty() && !senderMatches(exemption.senders(), envelope.sender())) {
                continue;
            }
            if (!exemption.recipientDomains().isEmpty()
                    && !allRecipientsIn(exemption.recipientDomains(), envelope.recipients())) {
                continue;
            }
            return true;
        }
        return false;
    }

    private static boolean senderMatches(List<String> patterns, String sender) {
        String lower = sender.toLowerCase(Locale.ROOT);
        for (String pattern : patterns) {
            String p = pattern.toLowerCase(Locale.ROOT);
            if (p.startsWith("@") ? lower.endsWith(p) : lower.equals(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allRecipientsIn(List<String> domains, List<String> recipients) {
        return !recipients.isEmpty() && recipients.stream()
                .map(OrganisationConfig::domainOf)
                .allMatch(d -> domains.stream().anyMatch(x -> d.equals(x) || d.endsWith("." + x)));
    }

    private static RuleAction max(RuleAction a, RuleAction b) {
        return Comparator.<RuleAction>naturalOrder().compare(a, b) >= 0 ? a : b;
    }
}

package nl.lekwacht.flow;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;

/**
 * What happens to one message, and why.
 *
 * @param action       deliver, delay ("undo send"), hold for the sender, or refuse
 * @param reasons      sentences a sender can act on (used in the 550 reply and the log), no personal data
 * @param findings     every finding, including those that did not drive the action
 * @param openIncident the message goes out with findings that the register must record
 *                     ({@code monitor}, fail-open, or the fallback for senders who cannot be asked)
 */
public record Verdict(Action action, List<String> reasons, List<Finding> findings, boolean openIncident) {

    /**
     * Deliver now; {@code DELAY}: keep durably for {@code hold.delay} with the same notice and link as a
     * hold, then send unless the sender stopped or fixed it; hold for the sender; refuse.
     */
    public enum Action { DELIVER, DELAY, HOLD, REJECT }

    public Verdict {
        Objects.requireNonNull(action, "action");
        reasons = List.copyOf(reasons);
        findings = List.copyOf(findings);
    }

    public static Verdict deliverClean() {
        return new Verdict(Action.DELIVER, List.of(), List.of(), false);
    }

    /** Distinct finding codes in first-seen order, for the trace header and the log. */
    public List<FindingCode> codes() {
        return findings.stream().map(Finding::code).distinct().toList();
    }

    public Set<FindingCode> codeSet() {
        return Set.copyOf(codes());
    }
}

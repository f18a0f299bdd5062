package nl.lekwacht.hold;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One way of correcting a held message before it leaves, offered for the finding it fits: take out a
 * recipient, send to the suggested address instead, send without some attachments. A correction only
 * plans; {@link CorrectedMessage} rewrites the content and screens it again. Implementations are pure
 * and thread-safe.
 */
interface Correction {

    /** The plan for this request on this hold, or why it cannot be carried out. */
    Plan plan(HeldMessage hold, HoldDecisions.Request request);

    /**
     * What a correction changes.
     *
     * @param problem    why the request cannot be carried out; empty when it can
     * @param recipients the envelope recipients after the correction (empty: nothing is sent)
     * @param addresses  lower-case To/Cc address to its replacement; mapped to "" when removed
     * @param withheld   part ids of the attachments to take out
     * @param audit      what the audit trail says was changed, e.g. {@code removed=a@x}
     */
    record Plan(Optional<HoldDecisions.Outcome> problem, List<String> recipients, Map<String, String> addresses,
                Set<String> withheld, String audit) {

        public Plan {
            recipients = List.copyOf(recipients);
            addresses = Map.copyOf(addresses);
            withheld = Set.copyOf(withheld);
        }

        static Plan of(List<String> recipients, Map<String, String> addresses, Set<String> withheld, String audit) {
            return new Plan(Optional.empty(), recipients, addresses, withheld, audit);
        }

        static Plan refused(HoldDecisions.Outcome why) {
            return new Plan(Optional.of(why), List.of(), Map.of(), Set.of(), "");
        }
    }
}

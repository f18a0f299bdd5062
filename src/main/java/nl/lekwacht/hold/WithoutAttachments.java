package nl.lekwacht.hold;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * "Send without these attachments": the chosen attachments, named by part id, are taken out and each
 * replaced by a short text part saying that an attachment was withheld; the rest of the message is
 * kept byte for byte. Not possible for signed or encrypted mail (S/MIME, PGP/MIME), whose signature
 * covers the parts, A message that is one attachment
 * and nothing else has no part to take out: the splice finds none, and the decision is refused.
 */
final class WithoutAttachments implements Correction {

    @Override
    public Plan plan(HeldMessage hold, HoldDecisions.Request request) {
        if (hold.details().signed()) {
            return Plan.refused(HoldDecisions.Outcome.NOT_POSSIBLE);
        }
        Set<String> parts = new LinkedHashSet<>();
        for (String id : request.attachments()) {
            if (hold.details().attachment(id.strip()).isEmpty()) {
                return Plan.refused(HoldDecisions.Outcome.CHOOSE_ATTACHMENT);
            }
            parts.add(id.strip());
        }
        if (parts.isEmpty()) {
            return Plan.refused(HoldDecisions.Outcome.CHOOSE_ATTACHMENT);
        }
        return Plan.of(hold.recipients(), Map.of(), parts, "withheld=" + String.join(",", parts));
    }

    /** Offered at all: unsigned, with an attachment known by its part id. */
    static boolean possible(HeldMessage hold) {
        return !hold.details().signed() && hold.details().attachments().stream().anyMatch(a -> !a.partId().isEmpty());
    }
}

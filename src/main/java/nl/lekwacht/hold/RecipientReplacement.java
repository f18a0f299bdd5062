package nl.lekwacht.hold;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "Send to the suggested address instead": one misdirected recipient is replaced, in the envelope and
 * in To/Cc, by the address the detector suggested for it. Only a suggestion is accepted, never an
 * address typed in: a link that could send held mail anywhere would be a way around the gateway.
 */
final class RecipientReplacement implements Correction {

    @Override
    public Plan plan(HeldMessage hold, HoldDecisions.Request request) {
        if (request.recipients().size() != 1) {
            return Plan.refused(HoldDecisions.Outcome.CHOOSE_RECIPIENT);
        }
        String recipient = request.recipients().get(0).strip();
        String replacement = request.replacement().strip();
        String original = hold.recipients().stream().filter(r -> r.equalsIgnoreCase(recipient)).findFirst().orElse(null);
        if (original == null) {
            return Plan.refused(HoldDecisions.Outcome.CHOOSE_RECIPIENT);
        }
        Set<String> suggestions = suggestionsFor(hold, original);
        String chosen = suggestions.stream().filter(s -> s.equalsIgnoreCase(replacement)).findFirst().orElse(null);
        if (chosen == null) {
            return Plan.refused(HoldDecisions.Outcome.NOT_A_SUGGESTION);
        }
        List<String> recipients = new ArrayList<>();
        for (String r : hold.recipients()) {
            String next = r.equalsIgnoreCase(original) ? chosen : r;
            if (recipients.stream().noneMatch(x -> x.equalsIgnoreCase(next))) {
                recipients.add(next);
            }
        }
        return Plan.of(recipients, Map.of(original.toLowerCase(Locale.ROOT), chosen), Set.of(),
                "replaced=" + original + "->" + chosen);
    }

    /** The detector's suggestions for this recipient (misdirected-recipient findings). */
    static Set<String> suggestionsFor(HeldMessage hold, String recipient) {
        return hold.details().findings().stream()
                .filter(f -> f.code().equals("MISDIRECTED_RECIPIENT"))
                .filter(f -> recipient.equalsIgnoreCase(f.details().getOrDefault("recipient", "")))
                .map(f -> f.details().getOrDefault("suggestion", ""))
                .filter(s -> s.contains("@"))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}

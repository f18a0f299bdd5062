package nl.lekwacht.hold;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Do not send to": the chosen recipients leave the envelope and the To/Cc fields, so a reply-all
 * cannot reach them either. Removing every recipient is the same as not sending.
 */
final class RecipientRemoval implements Correction {

    @Override
    public Plan plan(HeldMessage hold, HoldDecisions.Request request) {
        Map<String, String> removed = new LinkedHashMap<>();
        for (String r : request.recipients()) {
            hold.recipients().stream().filter(x -> x.equalsIgnoreCase(r.strip()))
                    .forEach(x -> removed.put(x.toLowerCase(Locale.ROOT), ""));
        }
        if (removed.isEmpty()) {
            return Plan.refused(HoldDecisions.Outcome.CHOOSE_RECIPIENT);
        }
        List<String> remaining = new ArrayList<>();
        hold.recipients().stream().filter(r -> !removed.containsKey(r.toLowerCase(Locale.ROOT))).forEach(remaining::add);
        return Plan.of(remaining, removed, java.util.Set.of(), "removed=" + String.join(",", removed.keySet()));
    }
}

package nl.lekwacht.web.hold;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import nl.lekwacht.hold.HeldMessage;
import nl.lekwacht.hold.HoldDetails;
import nl.lekwacht.hold.HoldDecisions;
import nl.lekwacht.hold.PlainFindings;
import nl.lekwacht.text.Texts;

/**
 * What the confirmation page shows of one hold: metadata and masked evidence only, never content.
 *
 * @param action  where the form posts
 * @param error   a problem with the last submission, empty when none
 * @param outcome the decision in words, empty while pending
 */
public record HoldPage(String reference, String subject, String sender, String received, String expires,
                       List<PlainFindings.Plain> findings, List<Recipient> recipients, List<Attachment> attachments,
                       boolean reasonRequired, boolean canSendBcc, String action, String csrf, String error,
                       String outcome, String decidedLine) {

    /** One envelope recipient, marked when a finding names it. */
    public record Recipient(String address, boolean external, boolean suspicious, String suggestion) {
    }

    /** One attachment with the masked evidence found in it. */
    public record Attachment(String name, String size, List<String> evidence) {
    }

    static HoldPage of(HeldMessage hold, Texts t, Dates dates, java.util.function.Predicate<String> internal,
                       String action, String csrf, String error, String outcome) {
        HoldDetails d = hold.details();
        Set<String> suspicious = new TreeSet<>();
        java.util.Map<String, String> suggestions = new java.util.HashMap<>();
        for (HoldDetails.StoredFinding f : d.findings()) {
            if (f.code().equals("MISDIRECTED_RECIPIENT") && f.details().containsKey("recipient")) {
                String r = f.details().get("recipient").toLowerCase(Locale.ROOT);
                suspicious.add(r);
                suggestions.put(r, t.format("finding.didYouMean", f.details().getOrDefault("suggestion", "?")));
            }
            if (f.code().equals("NEW_RECIPIENT_WITH_PERSONAL_DATA")) {
                f.evidence().forEach(e -> suspicious.add(e.toLowerCase(Locale.ROOT)));
            }
        }
        List<Recipient> recipients = new ArrayList<>();
        for (String r : hold.recipients()) {
            String lower = r.toLowerCase(Locale.ROOT);
            String domain = lower.substring(lower.lastIndexOf('@') + 1);
            boolean flagged = suspicious.contains(lower) || suspicious.contains(domain);
            recipients.add(new Recipient(r, !internal.test(r), flagged, suggestions.getOrDefault(lower, "")));
        }
        List<Attachment> attachments = d.attachments().stream().map(a -> new Attachment(a.name(), size(a.size()),
                d.findings().stream().filter(f -> f.where().equals("attachment:" + a.name()))
                        .flatMap(f -> f.evidence().stream()).limit(10).toList())).toList();
        boolean visibleExternal = d.visible().stream().anyMatch(v -> !v.internal());
        String decided = hold.decidedAt().map(at -> t.format("page.outcome.when", dates.format(at),
                hold.decidedBy().map(by -> by.equals(HoldDecisions.LINK_ACTOR) ? t.get("page.actor.link") : by)
                        .orElse("-"))).orElse("");
        return new HoldPage(hold.id(), hold.subject(), hold.sender(), dates.format(hold.createdAt()),
                dates.format(hold.expiresAt()), PlainFindings.describe(t, d.findings()), recipients, attachments,
                HoldDecisions.reasonRequired(hold), visibleExternal, action, csrf, error, outcome, decided);
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}

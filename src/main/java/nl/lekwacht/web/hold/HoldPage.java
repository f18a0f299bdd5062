package nl.lekwacht.web.hold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import nl.lekwacht.hold.HeldMessage;
import nl.lekwacht.hold.HoldDecisions;
import nl.lekwacht.hold.HoldDetails;
import nl.lekwacht.hold.PlainFindings;
import nl.lekwacht.text.Texts;

/**
 * What the confirmation page shows of one hold: metadata and masked evidence only, never content. The
 * fixes that fit the findings come first: send without the attachments that hold personal data, send
 * to the suggested address, send with external addresses in Bcc; sending as it is and cancelling
 * come after.
 *
 * @param recipients     every envelope recipient once, the ones to check first
 * @param shown          how many recipients are listed before the rest is folded away
 * @param replacements   a misdirected recipient and the address suggested for it
 * @param canWithhold    "send without these attachments" is offered
 * @param withholdReason the withhold form asks for a reason too (a BSN outside the attachments)
 * @param primary        the action that fits the findings best, shown as the main button
 * @param action         where the forms post
 * @param error          a problem with the last submission, empty when none
 * @param outcome        the decision in words, empty while pending
 * @param delayed        kept by the {@code delay} action: it leaves by itself at {@code expires}
 * @param viewer         who looks: the sender, the delegate ({@code hold.escalate-to}) or an admin, both
 *                       deciding in the sender's place
 */
public record HoldPage(String reference, String subject, String sender, String received, String expires,
                       List<PlainFindings.Plain> findings, List<Recipient> recipients, int shown,
                       List<Attachment> attachments, List<Replacement> replacements, boolean reasonRequired,
                       boolean canSendBcc, boolean canWithhold, boolean withholdReason, String primary,
                       String action, String csrf, String error, String outcome, String decidedLine,
                       boolean delayed, Viewer viewer) {

    /** Who the page is for. */
    public enum Viewer { SENDER, DELEGATE, ADMIN }

    /** How many recipients are listed before "and N more". */
    static final int FOLD_AFTER = 10;

    /**
     * One envelope recipient.
     *
     * @param why        why it is marked (plain words), empty when it is not
     * @param suggestion the address the detector suggests instead, empty when none
     */
    public record Recipient(String address, boolean external, boolean suspicious, String why, String suggestion) {
    }

    /** One attachment with the masked evidence found in it; {@code flagged} when a finding is in it. */
    public record Attachment(String partId, String name, String size, List<String> evidence, boolean flagged) {
    }

    /** A misdirected recipient and the suggested address. */
    public record Replacement(String recipient, String suggestion) {
    }

    /** The key of the page's heading while a decision is open. */
    public String titleKey() {
        return switch (viewer) {
            case ADMIN -> "admin.details.title";
            case DELEGATE -> "page.title.delegate";
            case SENDER -> delayed ? "page.title.delayed" : "page.title";
        };
    }

    /** Not sending comes before sending as it is when no fix fits and someone decides for the sender. */
    public boolean cancelFirst() {
        return primary.equals("cancel");
    }

    public int hidden() {
        return Math.max(0, recipients.size() - shown);
    }

    static HoldPage of(HeldMessage hold, Texts t, Dates dates, Predicate<String> internal, String action,
                       String csrf, String error, String outcome, Viewer viewer) {
        HoldDetails d = hold.details();
        Map<String, String> suggestions = HoldDecisions.suggestions(hold);
        Map<String, String> why = new HashMap<>();
        for (HoldDetails.StoredFinding f : d.findings()) {
            if ("true".equals(f.details().get("learning"))) {
                continue;
            }
            if (f.code().equals("MISDIRECTED_RECIPIENT") && f.details().containsKey("recipient")) {
                why.put(f.details().get("recipient").toLowerCase(Locale.ROOT), t.get("page.recipient.why.misdirected"));
            }
            if (f.code().equals("NEW_RECIPIENT_WITH_PERSONAL_DATA")) {
                f.evidence().forEach(e -> why.putIfAbsent(e.toLowerCase(Locale.ROOT), t.get("page.recipient.why.new")));
            }
        }
        List<Recipient> marked = new ArrayList<>();
        List<Recipient> rest = new ArrayList<>();
        for (String r : hold.recipients()) {
            String lower = r.toLowerCase(Locale.ROOT);
            String domain = lower.substring(lower.lastIndexOf('@') + 1);
            String reason = why.getOrDefault(lower, why.getOrDefault(domain, ""));
            Recipient recipient = new Recipient(r, !internal.test(r), !reason.isEmpty(), reason,
                    suggestions.getOrDefault(lower, ""));
            (reason.isEmpty() ? rest : marked).add(recipient);
        }
        List<Recipient> recipients = new ArrayList<>(marked);
        recipients.addAll(rest);
        int shown = recipients.size() <= FOLD_AFTER + 2 ? recipients.size() : Math.max(marked.size(), FOLD_AFTER);
        Set<String> flaggedParts = new HashSet<>();
        d.findings().stream().filter(f -> !"true".equals(f.details().get("learning"))).forEach(f -> flaggedParts.add(f.part()));
        List<Attachment> attachments = d.attachments().stream().map(a -> new Attachment(a.partId(), a.name(),
                size(a.size()), d.findings().stream().filter(f -> a.partId().isEmpty() ? f.where().equals("attachment:"
                        + a.name()) : f.part().equals(a.partId())).flatMap(f -> f.evidence().stream()).limit(10).toList(),
                !a.partId().isEmpty() && flaggedParts.contains(a.partId()))).toList();
        boolean canWithhold = HoldDecisions.canWithholdAttachments(hold)
                && attachments.stream().anyMatch(Attachment::flagged);
        List<Replacement> replacements = recipients.stream().filter(r -> !r.suggestion().isEmpty())
                .map(r -> new Replacement(r.address(), r.suggestion())).toList();
        boolean visibleExternal = d.visible().stream().anyMatch(v -> !v.internal())
                && d.codes().contains("VISIBLE_RECIPIENTS");
        // an admin deciding for someone else is not pushed towards sending what nobody fixed
        String primary = canWithhold ? "send-without-attachments" : !replacements.isEmpty() ? "replace-recipient"
                : visibleExternal ? "send-bcc" : viewer == Viewer.ADMIN ? "cancel" : "send";
        String decided = hold.decidedAt().map(at -> t.format("page.outcome.when", dates.format(at),
                hold.decidedBy().map(by -> by.equals(HoldDecisions.LINK_ACTOR) ? t.get("page.actor.link") : by)
                        .orElse("-"))).orElse("");
        return new HoldPage(hold.id(), hold.subject(), hold.sender(), dates.format(hold.createdAt()),
                dates.format(hold.expiresAt()), PlainFindings.describe(t, d.findings()), recipients, shown,
                attachments, replacements, HoldDecisions.reasonRequired(hold), visibleExternal, canWithhold,
                HoldDecisions.reasonRequiredBesidesAttachments(hold), primary, action, csrf, error, outcome, decided,
                d.delayed(), viewer);
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

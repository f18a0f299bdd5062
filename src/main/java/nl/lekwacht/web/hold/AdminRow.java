package nl.lekwacht.web.hold;

import java.util.List;
import java.util.function.Predicate;
import nl.lekwacht.hold.HeldMessage;
import nl.lekwacht.hold.PlainFindings;
import nl.lekwacht.text.Texts;

/**
 * One hold in the admin list: what the sender's page shows, shortened: the findings in words, the first
 * recipients with the suspicious ones first and marked, the attachments.
 *
 * @param findings   the findings' titles in the page's language, each once
 * @param recipients the first {@link #SHOWN} recipients
 * @param more       how many recipients are not listed
 * @param status     the status in words
 */
public record AdminRow(String id, String subject, String sender, String received, String expires,
                       List<String> findings, List<HoldPage.Recipient> recipients, int more,
                       List<String> attachments, String status, boolean pending) {

    static final int SHOWN = 3;

    static AdminRow of(HeldMessage hold, Texts t, Dates dates, Predicate<String> internal) {
        HoldPage page = HoldPage.of(hold, t, dates, internal, "", "", "", "", HoldPage.Viewer.ADMIN);
        List<HoldPage.Recipient> all = page.recipients();
        return new AdminRow(hold.id(), hold.subject(), hold.sender(), page.received(), page.expires(),
                page.findings().stream().map(PlainFindings.Plain::title).distinct().toList(),
                all.subList(0, Math.min(SHOWN, all.size())), Math.max(0, all.size() - SHOWN),
                page.attachments().stream().map(HoldPage.Attachment::name).toList(),
                t.get("admin.status." + hold.status().name()), hold.isPending());
    }
}

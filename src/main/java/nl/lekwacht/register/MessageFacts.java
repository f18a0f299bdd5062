package nl.lekwacht.register;

import nl.lekwacht.privacy.BsnMasking;
import java.time.Instant;
import java.util.List;

/**
 * What the register keeps about the message behind an incident: metadata and masked evidence,
 * never its content. Links the incident to the message's audit trail (queue id, hold id).
 *
 * @param queueId          our queue id; the key into the relay log and the hold audit trail
 * @param holdId           the hold it was released from, empty when it was not held
 * @param messageId        the Message-ID header, empty when absent
 * @param sender           the envelope sender (a member of staff)
 * @param subject          the decoded subject (attacker-controlled: always escaped on output)
 * @param recipientDomains distinct domains of the external recipients
 * @param recipientCount   number of envelope recipients
 * @param findings         what the detectors found, with masked evidence
 * @param sentAt           when the message was received for delivery
 * @param recipients       the external recipients' addresses, kept only so that the privacy officer can
 *                         ask the wrong recipients to delete the message; never exported, dropped with
 *                         the rest of the personal metadata at retention
 */
public record MessageFacts(String queueId, String holdId, String messageId, String sender, String subject,
                           List<String> recipientDomains, int recipientCount, List<FindingFact> findings,
                           Instant sentAt, List<String> recipients) {

    public MessageFacts {
        queueId = nz(queueId);
        holdId = nz(holdId);
        messageId = nz(messageId);
        sender = nz(sender);
        subject = BsnMasking.mask(nz(subject));
        recipientDomains = List.copyOf(recipientDomains);
        findings = List.copyOf(findings);
        // facts stored before the addresses were kept have none
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** Facts without the recipients' addresses. */
    public MessageFacts(String queueId, String holdId, String messageId, String sender, String subject,
                        List<String> recipientDomains, int recipientCount, List<FindingFact> findings, Instant sentAt) {
        this(queueId, holdId, messageId, sender, subject, recipientDomains, recipientCount, findings, sentAt, List.of());
    }

    /**
     * One finding as the register keeps it.
     *
     * @param code     the finding code, e.g. {@code BSN}
     * @param severity LOW, MEDIUM or HIGH
     * @param where    body, attachment:NAME or header:To
     * @param count    distinct items found
     * @param evidence masked evidence only
     * @param category for SPECIAL_CATEGORY: which (health, religion, ...), else empty
     */
    public record FindingFact(String code, String severity, String where, int count, List<String> evidence,
                              String category) {
        public FindingFact {
            where = BsnMasking.mask(where);
            evidence = List.copyOf(BsnMasking.maskAll(evidence));
            category = nz(category);
        }
    }

    /** Distinct finding codes in first-seen order. */
    public List<String> codes() {
        return findings.stream().map(FindingFact::code).distinct().toList();
    }

    /** The same facts with the personal metadata dropped (retention): codes and counts stay. */
    public MessageFacts stripped() {
        return new MessageFacts(queueId, holdId, "", "", "", List.of(), recipientCount, findings.stream()
                .map(f -> new FindingFact(f.code(), f.severity(), "", f.count(), List.of(), f.category())).toList(),
                sentAt, List.of());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

package nl.lekwacht.hold;

import nl.lekwacht.privacy.BsnMasking;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What is kept about a held message besides its sealed content, for the page, the notices, the
 * release and the audit trail. Only masked evidence: it is what the sender wrote in To/Cc and what the
 * detectors reported, never message content. Stored as JSON.
 *
 * @param queueId        our queue id of the receiving transaction
 * @param client         address of the MTA that handed it to us
 * @param helo           its EHLO name
 * @param authenticatedUser SMTP AUTH identity, empty when none
 * @param receivedAt     when we received it (the Received: line's date at release)
 * @param notifyTo       who gets notices: the envelope sender and an internal Sender: address
 * @param eightBit       the content has bytes above 127 (BODY=8BITMIME at release)
 * @param findings       every finding, with masked evidence
 * @param reasons        the policy's reasons
 * @param visible        the To/Cc recipients
 * @param attachments    attachment names, types, sizes and part ids
 * @param signed         the message is S/MIME- or PGP/MIME-signed or encrypted: removing a part would
 *                       break it, so "send without these attachments" is not offered
 * @param delayed        kept by the {@code delay} action: at its expiry it leaves by itself instead of
 *                       expiring unsent
 */
public record HoldDetails(String queueId, String client, String helo, String authenticatedUser, Instant receivedAt,
                          List<String> notifyTo, boolean eightBit, List<StoredFinding> findings, List<String> reasons,
                          List<Visible> visible, List<AttachmentInfo> attachments, boolean signed,
                          boolean delayed) {

    public HoldDetails {
        notifyTo = List.copyOf(notifyTo);
        findings = List.copyOf(findings);
        reasons = List.copyOf(BsnMasking.maskAll(reasons));
        visible = List.copyOf(visible);
        attachments = List.copyOf(attachments);
    }

    /**
     * A finding as stored: the detector's masked evidence and details.
     *
     * @param part the MIME part id it was found in ({@code header} for To/Cc/Subject); empty for holds
     *             stored before findings carried a part
     */
    public record StoredFinding(String code, String severity, String where, String part, int count,
                                List<String> evidence, String message, Map<String, String> details) {
        public StoredFinding {
            part = part == null ? "" : part;
            where = BsnMasking.mask(where);
            evidence = evidence == null ? List.of() : List.copyOf(BsnMasking.maskAll(evidence));
            message = BsnMasking.mask(message);
            details = details == null ? Map.of() : Map.copyOf(BsnMasking.maskValues(details));
        }
    }

    /** An address in To or Cc, as the sender wrote it; the display name masked. */
    public record Visible(String address, String personal, String field, boolean internal) {
        public Visible {
            personal = BsnMasking.mask(personal);
        }
    }

    /**
     * An attachment, its file name masked (the part id, not the name, links it to its findings).
     *
     * @param partId the attachment's MIME part id; empty for holds stored before attachments carried one
     */
    public record AttachmentInfo(String partId, String name, String contentType, long size) {
        public AttachmentInfo {
            partId = partId == null ? "" : partId;
            name = BsnMasking.mask(name);
        }
    }

    /** The attachment with this part id, if any. */
    public java.util.Optional<AttachmentInfo> attachment(String partId) {
        return attachments.stream().filter(a -> !a.partId().isEmpty() && a.partId().equals(partId)).findFirst();
    }

    public List<String> codes() {
        return findings.stream().map(StoredFinding::code).distinct().toList();
    }
}

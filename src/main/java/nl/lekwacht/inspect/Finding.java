package nl.lekwacht.inspect;

import nl.lekwacht.privacy.BsnMasking;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Something a detector found in one message. Immutable; safe to store, log and show, because it
 * carries masked evidence only (a BSN as {@code *****6782}, never in full).
 *
 * @param code     what kind of risk
 * @param severity how serious or how certain
 * @param where    {@code body}, {@code attachment:NAME} or {@code header:To}
 * @param part     the MIME part id it was found in, numbered as IMAP does ({@code 1}, {@code 2.1}),
 *                 {@link #HEADER} for the message header (Subject, To/Cc); for text inside an attachment
 *                 the id of the top MIME part that holds it, the part the hold side can remove. Empty
 *                 for the message as a whole (its structure unreadable), and for findings stored before
 *                 findings carried a part
 * @param count    how many distinct items: BSNs, exposed addresses, misdirected recipients
 * @param evidence masked evidence a person can check (masked numbers, exposed addresses, file names)
 * @param message  one sentence for the log and the admin, in English, without personal data
 * @param details  machine-readable extras for the hold page and the register (e.g. {@code suggestion}
 *                 for a misdirected recipient, {@code reason} for an uninspectable attachment)
 */
public record Finding(FindingCode code, Severity severity, String where, String part, int count,
                      List<String> evidence, String message, Map<String, String> details) {

    /** The part of findings in the message header: Subject, To, Cc. */
    public static final String HEADER = "header";

    /**
     * Detail key set to {@code "true"} on a finding made while the sender's history is still being
     * learned (too few messages known): the finding is reported, but the policy never lets it hold
     * or reject mail.
     */
    public static final String DETAIL_LEARNING = "learning";

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(part, "part");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        // the one masking step: a file name or a subject in where, evidence or details may carry a BSN
        where = BsnMasking.mask(where);
        evidence = List.copyOf(BsnMasking.maskAll(evidence));
        message = message == null ? "" : BsnMasking.mask(message);
        details = Map.copyOf(BsnMasking.maskValues(details));
    }

    public Finding(FindingCode code, Severity severity, String where, String part, int count,
                   List<String> evidence, String message) {
        this(code, severity, where, part, count, evidence, message, Map.of());
    }
}

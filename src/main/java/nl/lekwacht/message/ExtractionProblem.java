package nl.lekwacht.message;

import java.util.Objects;

/**
 * A part of the message (an attachment, a file inside one, a body text) whose text could not be read,
 * so nobody can say what it holds.
 *
 * @param partId the MIME part id, as in {@link TextPart#partId()}; {@link #WHOLE_MESSAGE} when the
 *               problem is the message as a whole (its structure unreadable, too many parts)
 * @param where  the location as in {@link TextPart#where()}, or {@code message}
 * @param reason why it could not be read
 * @param detail a short technical note for the log and the admin; never file content
 */
public record ExtractionProblem(String partId, String where, Reason reason, String detail) {

    /**
     * Why; {@code OCR_UNAVAILABLE}: an image or image-only page not read because OCR is off, missing or
     * over one of its limits; {@code UNREADABLE}: OCR read it and found no text.
     */
    public enum Reason { ENCRYPTED, CORRUPT, TIMEOUT, TOO_LARGE, TOO_DEEP, UNSUPPORTED, OCR_UNAVAILABLE, UNREADABLE }

    /** The part id of a problem of the whole message: the empty section, as IMAP names the whole message. */
    public static final String WHOLE_MESSAGE = "";

    public ExtractionProblem {
        Objects.requireNonNull(partId, "partId");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }

    /** A problem of the message as a whole. */
    public static ExtractionProblem ofMessage(Reason reason, String detail) {
        return new ExtractionProblem(WHOLE_MESSAGE, "message", reason, detail);
    }

    /** A problem of one attachment (or of something inside it at {@code where}). */
    public static ExtractionProblem of(Attachment attachment, String where, Reason reason, String detail) {
        return new ExtractionProblem(attachment.partId(), where, reason, detail);
    }
}

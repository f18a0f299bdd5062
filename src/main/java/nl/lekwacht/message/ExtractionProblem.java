package nl.lekwacht.message;

import java.util.Objects;

/**
 * An attachment (or a file inside one) whose text could not be read, so nobody can say what it holds.
 *
 * @param where  the attachment's location as in {@link TextPart#where()}
 * @param reason why it could not be read
 * @param detail a short technical note for the log and the admin; never file content
 */
public record ExtractionProblem(String where, Reason reason, String detail) {

    public enum Reason { ENCRYPTED, CORRUPT, TIMEOUT, TOO_LARGE, TOO_DEEP, UNSUPPORTED }

    public ExtractionProblem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }
}

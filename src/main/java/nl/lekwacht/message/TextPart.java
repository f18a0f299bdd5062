package nl.lekwacht.message;

import java.util.Objects;

/**
 * Text that content detectors read: a decoded body part, a header field the sender wrote (the
 * Subject), an attachment's file name, or the text extracted from an attachment.
 *
 * @param partId  the MIME part it comes from, numbered as IMAP does (RFC 3501 section 6.4.5): {@code 1}
 *                for the body of a single-part message, {@code 1}, {@code 2}, {@code 2.1}... in a
 *                multipart; {@link #HEADER} for header fields. Text extracted from an attachment (a page, a
 *                file inside a ZIP, an attached message's inner part) carries the id of the top MIME
 *                part that holds it, the part that can be removed from the message
 * @param where   where a reader finds it: {@code body}, {@code header:Subject}, or {@code attachment:NAME},
 *                with the inner path of nested containers ({@code attachment:a.zip/b.pdf}) and, where the
 *                extractor knows it, a page or sheet ({@code attachment:x.xlsx#Blad1})
 * @param text    the text; tables and spreadsheets keep one row a line with cells separated by tabs
 * @param tabular true when {@code text} came from a table, spreadsheet or CSV, so that the first line
 *                holds column headings
 */
public record TextPart(String partId, String where, String text, boolean tabular) {

    /** The part id of text from the message header. */
    public static final String HEADER = "header";

    /** The location of body texts. */
    public static final String BODY = "body";

    public TextPart {
        Objects.requireNonNull(partId, "partId");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(text, "text");
    }

    /** A body text of MIME part {@code partId}. */
    public static TextPart body(String partId, String text) {
        return new TextPart(partId, BODY, text, false);
    }

    /** The body text of a single-part message, which IMAP numbers {@code 1}. */
    public static TextPart body(String text) {
        return body("1", text);
    }

    /** True for a body text: the plain and HTML alternatives of one body say the same thing. */
    public boolean isBody() {
        return BODY.equals(where);
    }
}

package nl.lekwacht.message;

import java.util.Objects;

/**
 * Text that content detectors read: a decoded body part or the text extracted from an attachment.
 *
 * @param where   where a reader finds it: {@code body}, or {@code attachment:NAME}, with the inner path
 *                of nested containers ({@code attachment:a.zip/b.pdf}) and, where the extractor knows
 *                it, a page or sheet ({@code attachment:x.xlsx#Blad1})
 * @param text    the text; tables and spreadsheets keep one row a line with cells separated by tabs
 * @param tabular true when {@code text} came from a table, spreadsheet or CSV, so that the first line
 *                holds column headings
 */
public record TextPart(String where, String text, boolean tabular) {

    public TextPart {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(text, "text");
    }

    public static TextPart body(String text) {
        return new TextPart("body", text, false);
    }
}

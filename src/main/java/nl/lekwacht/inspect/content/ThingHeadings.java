package nl.lekwacht.inspect.content;

import java.util.List;

/**
 * Whether a number outside tables stands in a list under a heading that names things, not people:
 * {@code Serienummers:}, {@code Inventarisnummers meubilair}, {@code Article numbers for the reorder:},
 * {@code Openstaande zaken (zaaknummers):}. Such a list is a list of devices, articles or cases, so its
 * numbers are not the list rule's people. The heading is the last non-blank line without a number before
 * the list's first row; a blank line after some rows ends the list, and any other line without a number
 * is the next list's heading. A heading that holds a BSN keyword or a people word ({@code Naam},
 * {@code Deelnemer}) names no things.
 *
 * <p>Asked for candidates in text order, each candidate once ({@link #advance}); the text between
 * candidates is read once, and a heading's words only when a number under it asks. One instance per
 * text part and inspection; not shared.
 */
final class ThingHeadings {

    /** Words that head a list of objects or cases; prefixes end in {@code *}. */
    static final List<String> THINGS = List.of("serienummer*", "serie nummer*", "serial*", "s/n", "sn", "artikel*",
            "article*", "art.nr*", "inventaris*", "asset*", "apparaat*", "apparaten*", "device*", "ticket*",
            "zaaknummer*", "zaaknr*", "case number*", "order*", "bestel*", "factuur*", "facturen*", "invoice*",
            "imei*", "sku*", "part number*", "item number*", "licentie*", "license*", "licence*",
            "kenteken*", "barcode*", "ean*", "meternummer*", "tag", "tags", "tagnummer*", "werkorder*",
            "inkooporder*", "offerte*");

    private final String text;
    private final TermMatcher things;
    private final TermMatcher keywords;
    /** Where the text was read to: the start of the line after the last candidate's line. */
    private int readTo;
    /** The current heading line, or -1. */
    private int headingStart = -1;
    private int headingEnd;
    /** Whether a row with a number was seen under the current heading. */
    private boolean rows;
    /** The heading last judged and the answer. */
    private int judged = -1;
    private boolean judgedThings;

    ThingHeadings(String text, TermMatcher things, TermMatcher keywords) {
        this.text = text;
        this.things = things;
        this.keywords = keywords;
    }

    /** Reads the lines between the previous candidate and {@code c}; call once per candidate, in order. */
    void advance(Candidate c) {
        int lineStart = c.start();
        while (lineStart > readTo && text.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        int from = readTo;
        while (from < lineStart) {
            int end = text.indexOf('\n', from);
            if (end < 0 || end > lineStart) {
                end = lineStart;
            }
            if (isBlank(from, end)) {
                if (rows) {
                    headingStart = -1;
                    rows = false;
                }
            } else {
                headingStart = from;
                headingEnd = end;
                rows = false;
            }
            from = end + 1;
        }
        if (lineStart >= readTo) {
            rows = true;
            int end = text.indexOf('\n', c.end());
            readTo = end < 0 ? text.length() : end + 1;
        }
    }

    /** True when the candidate last passed to {@link #advance} stands under a heading that names things. */
    boolean underThings() {
        if (headingStart < 0) {
            return false;
        }
        if (judged != headingStart) {
            judged = headingStart;
            int end = Math.min(headingEnd, headingStart + PeopleSigns.MAX_LINE);
            judgedThings = things.containsAny(text, headingStart, end) && !keywords.containsAny(text, headingStart, end)
                    && !PeopleSigns.inHeading(text, headingStart, end);
        }
        return judgedThings;
    }

    private boolean isBlank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}

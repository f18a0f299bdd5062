package nl.lekwacht.message.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns the XHTML that a Tika parser writes for one document into text pieces: tables keep one row a
 * line with cells separated by a tab; spreadsheets give one tabular piece per sheet (named by the sheet's
 * heading); the pages of a document are one piece, in page order. All text is charged to the message's budget;
 * when it runs out the handler stops the parse with {@link TextLimitReached} and keeps what it has.
 *
 * <p>One instance per document; not thread-safe.
 */
final class StructuredTextHandler extends DefaultHandler {

    /** A piece of one document's text; {@code suffix} is appended to the document's location. */
    record Piece(String suffix, String text, boolean tabular) {
    }

    /** Stops a parse when the message's text budget is used up; may carry the text read so far. */
    static final class TextLimitReached extends SAXException {
        private final String partial;

        TextLimitReached() {
            this("");
        }

        TextLimitReached(String partial) {
            super("extracted text budget used up");
            this.partial = partial;
        }

        String partial() {
            return partial;
        }
    }

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt",
            "dd", "blockquote", "pre", "tr", "table", "section", "article", "ul", "ol", "hr");

    private static final class Section {
        final boolean page;
        String heading;
        final StringBuilder flow = new StringBuilder();
        final List<String> tables = new ArrayList<>();

        Section(boolean page) {
            this.page = page;
        }
    }

    private final MessageBudget budget;
    private final boolean spreadsheet;
    private final List<Section> sections = new ArrayList<>();
    private Section section = new Section(false);
    private int headDepth;
    private StringBuilder heading;
    private int tableDepth;
    private StringBuilder rows;
    private List<String> cells;
    private StringBuilder cell;

    /** @param spreadsheet true for spreadsheet formats: their tables become separate tabular pieces */
    StructuredTextHandler(MessageBudget budget, boolean spreadsheet) {
        this.budget = budget;
        this.spreadsheet = spreadsheet;
        sections.add(section);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        String name = localName.isEmpty() ? qName : localName;
        switch (name) {
            case "head" -> headDepth++;
            case "div" -> {
                String type = atts.getValue("class");
                if (tableDepth == 0 && ("page".equals(type) || "sheet".equals(type))) {
                    section = new Section(true);
                    sections.add(section);
                }
            }
            case "h1" -> {
                if (tableDepth == 0 && section.heading == null && heading == null) {
                    heading = new StringBuilder();
                }
            }
            case "table" -> {
                if (++tableDepth == 1) {
                    rows = new StringBuilder();
                }
            }
            case "tr" -> {
                if (tableDepth == 1) {
                    cells = new ArrayList<>();
                }
            }
            case "td", "th" -> {
                if (tableDepth == 1 && cells != null) {
                    cell = new StringBuilder();
                }
            }
            case "br" -> append("\n");
            default -> {
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        String name = localName.isEmpty() ? qName : localName;
        switch (name) {
            case "head" -> headDepth--;
            case "h1" -> {
                if (heading != null) {
                    section.heading = heading.toString().strip();
                    heading = null;
                }
            }
            case "td", "th" -> {
                if (tableDepth == 1 && cell != null) {
                    cells.add(cell.toString().strip());
                    cell = null;
                    return;
                }
            }
            case "tr" -> {
                if (tableDepth == 1 && cells != null) {
                    rows.append(String.join("\t", cells)).append('\n');
                    cells = null;
                    return;
                }
            }
            case "table" -> {
                if (--tableDepth == 0) {
                    if (spreadsheet) {
                        section.tables.add(rows.toString());
                    } else {
                        section.flow.append(rows);
                    }
                    rows = null;
                    return;
                }
            }
            default -> {
            }
        }
        if (BLOCKS.contains(name)) {
            append(tableDepth > 0 ? " " : "\n");
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (headDepth > 0) {
            return;
        }
        if (heading == null && cell == null && !(tableDepth > 0 && rows != null)) {
            // running text, all of a text file: what append(String) does, without a String in between
            if (length == 0) {
                return;
            }
            int granted = budget.takeChars(length);
            section.flow.append(ch, start, granted);
            checkGranted(granted, length);
            return;
        }
        append(new String(ch, start, length));
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        // Tika writes line breaks between lines of text this way: they separate words
        characters(ch, start, length);
    }

    private void append(String text) throws SAXException {
        if (headDepth > 0 || text.isEmpty()) {
            return;
        }
        int granted = budget.takeChars(text.length());
        String kept = granted == text.length() ? text : text.substring(0, granted);
        if (heading != null) {
            heading.append(kept);
            if (spreadsheet) {
                // the sheet name names the piece; it is not text of the sheet
                checkGranted(granted, text.length());
                return;
            }
        }
        if (cell != null) {
            cell.append(kept.replace('\t', ' ').replace('\r', ' ').replace('\n', ' '));
        } else if (tableDepth > 0 && rows != null) {
            // text in a table but outside any cell: keep it, on its own line
            if (!kept.isBlank()) {
                rows.append(kept.strip()).append('\n');
            }
        } else {
            section.flow.append(kept);
        }
        checkGranted(granted, text.length());
    }

    private static void checkGranted(int granted, int wanted) throws TextLimitReached {
        if (granted < wanted) {
            throw new TextLimitReached();
        }
    }

    /**
     * Per page of a paged document (a PDF's {@code <div class="page">}), in page order: whether it holds
     * no text. Empty for a document without pages.
     */
    List<Boolean> pagesWithoutText() {
        List<Boolean> blank = new ArrayList<>();
        for (Section s : sections) {
            if (s.page) {
                blank.add(s.flow.toString().isBlank() && s.tables.stream().allMatch(String::isBlank));
            }
        }
        return blank;
    }

    /** The pieces of this document, in document order; pieces without text are left out. */
    List<Piece> pieces() {
        // a table still open when the parse stopped early keeps its rows
        if (rows != null && rows.length() > 0) {
            if (spreadsheet) {
                section.tables.add(rows.toString());
            } else {
                section.flow.append(rows);
            }
            rows = null;
        }
        List<Piece> pieces = new ArrayList<>();
        if (spreadsheet) {
            int sheet = 0;
            StringBuilder other = new StringBuilder();
            for (Section s : sections) {
                for (int i = 0; i < s.tables.size(); i++) {
                    sheet++;
                    String name = s.heading != null && !s.heading.isEmpty() && i == 0 ? s.heading : "sheet-" + sheet;
                    pieces.add(new Piece("#" + name, s.tables.get(i), true));
                }
                other.append(s.flow);
            }
            if (!other.toString().isBlank()) {
                pieces.add(new Piece("", other.toString(), false));
            }
            return pieces;
        }
        // the pages of one document are one text: a keyword on one page names the number on the next,
        // and a footer repeated on every page is one number
        StringBuilder all = new StringBuilder();
        for (Section s : sections) {
            if (s.page && all.length() > 0 && all.charAt(all.length() - 1) != '\n') {
                all.append('\n');
            }
            all.append(s.flow);
        }
        String text = all.toString(); // once: a text attachment's text is megabytes
        if (!text.isBlank()) {
            pieces.add(new Piece("", text, false));
        }
        return pieces;
    }
}

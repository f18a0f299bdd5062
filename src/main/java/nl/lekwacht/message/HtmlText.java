package nl.lekwacht.message;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an HTML body into the text detectors read, with jsoup's HTML5 parser (linear in the input,
 * whatever the markup: unclosed tags, comments and scripts cost no more than text).
 *
 * <p>First the text a reader sees: block elements and {@code <br>} end a line, table cells are
 * separated by tabs so that each row stays one line for the column rules, inline markup adds nothing
 * (so {@code 1622<span>75869</span>} reads as one number). Then, after a blank line, what travels
 * with the message without being shown: comments, scripts and styles, attribute values (links,
 * titles) and the tail of a tag left open at the end of the body. A recipient can read all of that
 * in the source, so it is inspected too. Thread-safe.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "tr", "li", "ul", "ol", "table", "h1", "h2",
            "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article", "header", "footer", "dl", "dt",
            "dd", "hr", "address", "form", "fieldset", "title", "caption", "tbody", "thead", "tfoot");
    private static final Set<String> HIDDEN_CONTAINERS = Set.of("script", "style", "head", "template",
            "noscript");
    /** Attributes whose values are not text a detector should read (layout, ids, styling). */
    private static final Set<String> LAYOUT_ATTRIBUTES = Set.of("class", "id", "style", "width", "height",
            "align", "valign", "border", "cellpadding", "cellspacing", "bgcolor", "color", "face", "size", "dir",
            "lang", "colspan", "rowspan", "target", "rel", "type", "charset", "http-equiv", "name");

    private HtmlText() {
    }

    static String toText(String html) {
        Document document = Jsoup.parse(html, "", Parser.htmlParser());
        Collector collector = new Collector();
        NodeTraversor.traverse(collector, document);
        String tail = openTagTail(html);
        if (!tail.isEmpty()) {
            collector.hidden.append(tail).append('\n');
        }
        if (collector.hidden.isEmpty()) {
            return collector.visible.toString();
        }
        return collector.visible.append("\n\n").append(collector.hidden).toString();
    }

    /**
     * An HTML parser drops a tag still open at the end of the input ({@code <script 123...}), and with
     * it whatever the sender put there. Linear: one search from the end.
     */
    private static String openTagTail(String html) {
        int open = html.lastIndexOf('<');
        if (open < 0 || html.indexOf('>', open) >= 0) {
            return "";
        }
        return html.substring(open + 1);
    }

    private static final class Collector implements NodeVisitor {

        private final StringBuilder visible = new StringBuilder();
        private final StringBuilder hidden = new StringBuilder();
        private int hiddenDepth;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                (hiddenDepth > 0 ? hidden : visible).append(text.getWholeText());
            } else if (node instanceof DataNode data) {
                hidden.append(data.getWholeData()).append('\n');
            } else if (node instanceof Comment comment) {
                hidden.append(comment.getData()).append('\n');
            } else if (node instanceof Element element) {
                String name = element.normalName();
                if (HIDDEN_CONTAINERS.contains(name)) {
                    hiddenDepth++;
                } else if (name.equals("br")) {
                    visible.append('\n');
                }
                for (Attribute attribute : element.attributes()) {
                    if (!LAYOUT_ATTRIBUTES.contains(attribute.getKey()) && !attribute.getValue().isEmpty()) {
                        hidden.append(attribute.getValue()).append('\n');
                    }
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                String name = element.normalName();
                if (HIDDEN_CONTAINERS.contains(name)) {
                    hiddenDepth--;
                } else if (name.equals("td") || name.equals("th")) {
                    visible.append('\t');
                } else if (BLOCKS.contains(name)) {
                    visible.append('\n');
                }
            }
        }
    }
}

package nl.lekwacht.message;

import java.util.regex.Pattern;

/**
 * Turns an HTML body into the text a reader sees, closely enough for detectors: tags become spaces
 * or line breaks, scripts and styles are dropped, common entities are decoded. Table rows stay one
 * line each with tab-separated cells, so that column rules can read them.
 */
final class HtmlText {

    private static final Pattern DROPPED = Pattern.compile("(?is)<(script|style|head)\\b.*?</\\1\\s*>");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern CELL = Pattern.compile("(?i)</t[dh]\\s*>");
    private static final Pattern BREAK = Pattern.compile("(?i)<(br|/p|/div|/tr|/li|/h[1-6]|/table)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]+);");

    private HtmlText() {
    }

    static String toText(String html) {
        String text = DROPPED.matcher(html).replaceAll(" ");
        text = COMMENT.matcher(text).replaceAll(" ");
        text = CELL.matcher(text).replaceAll("\t");
        text = BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll(" ");
        text = NUMERIC_ENTITY.matcher(text).replaceAll(m -> {
            try {
                int code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
                return java.util.regex.Matcher.quoteReplacement(new String(Character.toChars(code)));
            } catch (IllegalArgumentException e) {
                return " ";
            }
        });
        return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }
}

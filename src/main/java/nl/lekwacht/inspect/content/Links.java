package nl.lekwacht.inspect.content;

/**
 * Tells a number inside a link or a query string ({@code https://.../submit?id=674578752}) from a number
 * in the text: the word it stands in holds {@code ://} or starts with {@code www.}, or a {@code =} stands
 * right before it. Stateless and thread-safe.
 */
final class Links {

    private static final int MAX_LINK = 2048;

    private Links() {
    }

    static boolean inLink(String text, Candidate c) {
        if (c.start() > 0 && text.charAt(c.start() - 1) == '=') {
            return true;
        }
        int from = c.start();
        int limit = Math.max(0, c.start() - MAX_LINK);
        while (from > limit && !Character.isWhitespace(text.charAt(from - 1)) && text.charAt(from - 1) != '<'
                && text.charAt(from - 1) != '(' && text.charAt(from - 1) != '"') {
            from--;
        }
        for (int i = from; i + 3 <= c.start(); i++) {
            if (text.charAt(i) == ':' && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/') {
                return true;
            }
        }
        return c.start() - from >= 4 && text.regionMatches(true, from, "www.", 0, 4);
    }
}

package nl.lekwacht.smtp;

import java.net.IDN;
import org.apache.commons.validator.routines.InetAddressValidator;

/**
 * Reads one RFC 5321 path, {@code "<" [A-d-l ":"] Mailbox ">"} or {@code "<>"}, character by
 * character, from the start of a string: local part as a dot-string or quoted string, domain as
 * LDH labels (U-labels too; SMTPUTF8 is checked by the caller) or an address literal. Used once per
 * path; not thread-safe.
 */
final class MailboxReader {

    /** The text is not a path. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String why) {
            super(why, null, false, false);
        }
    }

    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";
    private static final int MAX_DOMAIN = 255;
    private static final int MAX_LABEL = 63;

    private final String text;
    private int at;

    MailboxReader(String text) {
        this.text = text;
    }

    /** Reads the path; returns {@code local@domain} without source route and trailing dot, or "". */
    String path() throws Malformed {
        expect('<');
        if (peek() == '>') {
            at++;
            return "";
        }
        if (peek() == '@') {
            sourceRoute();
        }
        String local = peek() == '"' ? quotedString() : dotString();
        expect('@');
        String domain = peek() == '[' ? addressLiteral() : domain();
        expect('>');
        return local + "@" + domain;
    }

    /** Where the path ended: the index just after its {@code >}. */
    int position() {
        return at;
    }

    /** {@code At-domain *( "," At-domain ) ":"}: checked, then ignored (RFC 5321 §4.1.1.3, C). */
    private void sourceRoute() throws Malformed {
        do {
            expect('@');
            domain();
        } while (accept(','));
        expect(':');
    }

    private String dotString() throws Malformed {
        int start = at;
        do {
            int atom = at;
            while (at < text.length() && isAtext(text.charAt(at))) {
                at++;
            }
            if (at == atom) {
                throw new Malformed("empty atom in the local part");
            }
        } while (accept('.'));
        return text.substring(start, at);
    }

    private String quotedString() throws Malformed {
        int start = at;
        expect('"');
        while (true) {
            char c = next();
            if (c == '"') {
                return text.substring(start, at);
            }
            if (c == '\\') {
                char quoted = next();
                if (quoted < 0x20 || quoted > 0x7E) {
                    throw new Malformed("bad quoted pair");
                }
            } else if (!(c >= 0x20 && c <= 0x7E) && !isNonAscii(c)) {
                throw new Malformed("control character in the quoted local part");
            }
        }
    }

    /** {@code sub-domain *("." sub-domain)}, one trailing dot tolerated and dropped. */
    private String domain() throws Malformed {
        int start = at;
        while (true) {
            int label = at;
            while (at < text.length() && (isLetDig(text.charAt(at)) || text.charAt(at) == '-'
                    || isNonAscii(text.charAt(at)))) {
                at++;
            }
            checkLabel(text.substring(label, at));
            if (!accept('.')) {
                break;
            }
            if (at >= text.length() || peek() == '>' || peek() == ',' || peek() == ':') {
                // the root's dot: "gemeente.example." is "gemeente.example"
                String domain = text.substring(start, at - 1);
                checkLength(domain);
                return domain;
            }
        }
        String domain = text.substring(start, at);
        checkLength(domain);
        return domain;
    }

    private static void checkLabel(String label) throws Malformed {
        if (label.isEmpty() || label.startsWith("-") || label.endsWith("-")) {
            throw new Malformed("bad domain label");
        }
        String ascii = label;
        if (label.chars().anyMatch(c -> c > 0x7F)) {
            try {
                // a U-label must be one IDNA label; full-width dots and the like would split it
                ascii = IDN.toASCII(label, 0);
            } catch (IllegalArgumentException e) {
                throw new Malformed("bad internationalised label");
            }
            if (ascii.indexOf('.') >= 0 || ascii.isEmpty()) {
                throw new Malformed("label separator inside a label");
            }
        }
        if (ascii.length() > MAX_LABEL) {
            throw new Malformed("label too long");
        }
    }

    private static void checkLength(String domain) throws Malformed {
        if (domain.length() > MAX_DOMAIN) {
            throw new Malformed("domain too long");
        }
    }

    /** {@code "[" IPv4 / "IPv6:" IPv6 / tag ":" dcontent "]"} (RFC 5321 §4.1.3). */
    private String addressLiteral() throws Malformed {
        int start = at;
        expect('[');
        int close = text.indexOf(']', at);
        if (close < 0) {
            throw new Malformed("unclosed address literal");
        }
        String inside = text.substring(at, close);
        at = close + 1;
        InetAddressValidator ip = InetAddressValidator.getInstance();
        boolean valid;
        if (inside.regionMatches(true, 0, "IPv6:", 0, 5)) {
            valid = ip.isValidInet6Address(inside.substring(5));
        } else if (inside.indexOf(':') > 0) {
            String tag = inside.substring(0, inside.indexOf(':'));
            String content = inside.substring(tag.length() + 1);
            valid = tag.matches("[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]|[A-Za-z0-9]")
                    && !content.isEmpty() && content.chars().allMatch(c -> c >= 33 && c <= 126 && c != '[' && c != '\\'
                    && c != ']');
        } else {
            valid = ip.isValidInet4Address(inside);
        }
        if (!valid) {
            throw new Malformed("bad address literal");
        }
        return text.substring(start, at);
    }

    private static boolean isAtext(char c) {
        return isLetDig(c) || ATEXT_SPECIALS.indexOf(c) >= 0 || isNonAscii(c);
    }

    private static boolean isLetDig(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** RFC 6531 UTF8-non-ascii, without control and format characters (invisible, never meant). */
    private static boolean isNonAscii(char c) {
        if (c <= 0x7F || Character.isISOControl(c)) {
            return false;
        }
        int type = Character.getType(c);
        return type != Character.FORMAT && type != Character.UNASSIGNED && type != Character.PRIVATE_USE
                && type != Character.SPACE_SEPARATOR && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private char next() throws Malformed {
        if (at >= text.length()) {
            throw new Malformed("unexpected end");
        }
        return text.charAt(at++);
    }

    private boolean accept(char c) {
        if (peek() == c && at < text.length()) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) throws Malformed {
        if (!accept(c)) {
            throw new Malformed("expected " + c);
        }
    }
}

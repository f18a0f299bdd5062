package nl.lekwacht.smtp;

import java.util.Locale;

/**
 * The argument of MAIL FROM: and RCPT TO:, split into the address and the ESMTP parameters
 * (RFC 5321 §4.1.2). Source routes are dropped, as RFC 5321 allows.
 *
 * @param address    the mailbox, empty for the null path {@code <>}
 * @param parameters whatever follows the path
 */
record SmtpPath(String address, String parameters) {

    private static final int MAX_ADDRESS = 320;

    /**
     * @param commandLine e.g. {@code MAIL FROM:<a@b.nl> SIZE=100}
     * @param keyword     {@code FROM:} or {@code TO:}
     * @throws MailParameters.Refused with a 501 reply when the syntax is wrong
     */
    static SmtpPath parse(String commandLine, String keyword) throws MailParameters.Refused {
        String rest = commandLine.length() > 4 ? commandLine.substring(4).trim() : "";
        if (!rest.toUpperCase(Locale.ROOT).startsWith(keyword)) {
            throw syntax(keyword);
        }
        rest = rest.substring(keyword.length()).trim();
        String address;
        String parameters;
        if (rest.startsWith("<")) {
            int close = rest.indexOf('>');
            if (close < 0) {
                throw syntax(keyword);
            }
            address = rest.substring(1, close);
            parameters = rest.substring(close + 1).trim();
        } else {
            int space = rest.indexOf(' ');
            address = space < 0 ? rest : rest.substring(0, space);
            parameters = space < 0 ? "" : rest.substring(space + 1).trim();
        }
        int routeEnd = address.startsWith("@") ? address.indexOf(':') : -1;
        if (routeEnd >= 0) {
            address = address.substring(routeEnd + 1);
        }
        if (address.length() > MAX_ADDRESS || address.chars().anyMatch(c -> c < 0x20 || c == 0x7F || c == ' ')) {
            throw new MailParameters.Refused(SmtpReply.of(501, "5.1.3 Bad address syntax"));
        }
        if (!address.isEmpty() && (address.indexOf('@') <= 0 || address.endsWith("@"))) {
            throw new MailParameters.Refused(SmtpReply.of(501, "5.1.3 Bad address syntax"));
        }
        return new SmtpPath(address, parameters);
    }

    private static MailParameters.Refused syntax(String keyword) {
        String verb = keyword.equals("FROM:") ? "MAIL FROM:<address>" : "RCPT TO:<address>";
        return new MailParameters.Refused(SmtpReply.of(501, "5.5.4 Syntax: " + verb));
    }
}

package nl.lekwacht.smtp;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The argument of MAIL FROM: and RCPT TO:, parsed strictly by RFC 5321 §4.1.2 (with the RFC 6531
 * additions for SMTPUTF8): {@code "<" [ A-d-l ":" ] Mailbox ">" [SP parameters]}. The angle brackets
 * are required; a source route is checked and dropped, as RFC 5321 allows; the domain's one trailing
 * dot ({@code gemeente.example.}, the root of the DNS) is removed before anything looks at it, so no
 * decision and no next hop ever sees two spellings of one domain. Anything else that is not a mailbox
 * is refused: an address we cannot read exactly as the next hop will is an address we cannot judge.
 * Spaces after the colon are tolerated, as most servers do.
 *
 * @param address    {@code local-part@domain} as it is passed on, empty for the null path {@code <>}
 * @param parameters whatever follows the path, checked for ESMTP parameter syntax
 * @param eightBit   the address has non-ASCII characters (allowed only with SMTPUTF8)
 */
record SmtpPath(String address, String parameters, boolean eightBit) {

    /** RFC 5321 §4.5.3.1.3: a path, angle brackets included, is at most 256 octets. */
    private static final int MAX_PATH = 256;
    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*(=[\\x21-\\x3C\\x3E-\\x7E]+)?");

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
        rest = rest.substring(keyword.length()).stripLeading();
        String role = keyword.equals("FROM:") ? "sender" : "recipient";
        try {
            MailboxReader reader = new MailboxReader(rest);
            String address = reader.path();
            String parameters = rest.substring(reader.position());
            if (!parameters.isEmpty() && parameters.charAt(0) != ' ') {
                throw new MailboxReader.Malformed("text after the closing angle bracket");
            }
            if (address.getBytes(StandardCharsets.UTF_8).length + 2 > MAX_PATH) {
                throw new MailParameters.Refused(SmtpReply.of(501, "5.1.3 Bad " + role + " address: too long"));
            }
            parameters = parameters.trim();
            for (String parameter : parameters.split(" +")) {
                if (!parameter.isEmpty() && !PARAMETER.matcher(parameter).matches()) {
                    throw new MailParameters.Refused(SmtpReply.of(501, "5.5.4 Bad parameter syntax"));
                }
            }
            return new SmtpPath(address, parameters, address.chars().anyMatch(c -> c > 0x7F));
        } catch (MailboxReader.Malformed e) {
            throw new MailParameters.Refused(SmtpReply.of(501, "5.1.3 Bad " + role + " address syntax"));
        }
    }

    /** The reply for a non-ASCII address in a transaction without SMTPUTF8 (RFC 6531 §3.5). */
    static SmtpReply needsSmtpUtf8() {
        return SmtpReply.of(553, "5.6.7 Non-ASCII address requires SMTPUTF8");
    }

    private static MailParameters.Refused syntax(String keyword) {
        String verb = keyword.equals("FROM:") ? "MAIL FROM:<address>" : "RCPT TO:<address>";
        return new MailParameters.Refused(SmtpReply.of(501, "5.5.4 Syntax: " + verb));
    }
}

package nl.lekwacht.smtp;

import java.math.BigInteger;
import java.util.Locale;

/**
 * The ESMTP parameters of a MAIL command that we understand and pass on (RFC 1870 SIZE, RFC 6152
 * BODY, RFC 6531 SMTPUTF8). Anything else is refused, since we do not advertise it.
 *
 * @param declaredSize the SIZE the client announced, -1 when none
 */
record MailParameters(long declaredSize, boolean eightBitMime, boolean smtpUtf8) {

    /** A MAIL parameter we cannot accept, with the reply to give. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final SmtpReply reply;

        Refused(SmtpReply reply) {
            super(reply.toString(), null, false, false);
            this.reply = reply;
        }

        SmtpReply reply() {
            return reply;
        }
    }

    static MailParameters parse(String parameters, long maxSize, boolean smtpUtf8Offered) throws Refused {
        long size = -1;
        boolean eightBit = false;
        boolean utf8 = false;
        for (String parameter : parameters.trim().split("\\s+")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int eq = parameter.indexOf('=');
            String key = (eq < 0 ? parameter : parameter.substring(0, eq)).toUpperCase(Locale.ROOT);
            String value = eq < 0 ? "" : parameter.substring(eq + 1);
            switch (key) {
                case "SIZE" -> size = size(value, maxSize);
                case "BODY" -> {
                    String body = value.toUpperCase(Locale.ROOT);
                    if (body.equals("8BITMIME")) {
                        eightBit = true;
                    } else if (!body.equals("7BIT")) {
                        throw new Refused(SmtpReply.of(555, "5.5.4 BODY=" + body + " not supported"));
                    }
                }
                case "SMTPUTF8" -> {
                    if (!smtpUtf8Offered) {
                        throw new Refused(SmtpReply.of(555, "5.5.4 SMTPUTF8 not offered"));
                    }
                    utf8 = true;
                }
                case "AUTH" -> {
                    // RFC 4954 AUTH= on MAIL only names the submitter; nothing to pass on
                }
                default -> throw new Refused(SmtpReply.of(555, "5.5.4 MAIL parameter " + key + " not supported"));
            }
        }
        return new MailParameters(size, eightBit, utf8);
    }

    private static long size(String value, long maxSize) throws Refused {
        if (!value.matches("\\d{1,40}")) {
            throw new Refused(SmtpReply.of(501, "5.5.4 SIZE must be a number of octets"));
        }
        BigInteger declared = new BigInteger(value);
        if (declared.compareTo(BigInteger.valueOf(maxSize)) > 0) {
            throw new Refused(SmtpReply.of(552, "5.3.4 Message too big"));
        }
        return declared.longValue();
    }

    /** The parameters to send on to the next hop, given what it supports. */
    String forNextHop(NextHopConnection connection) {
        StringBuilder out = new StringBuilder();
        if (declaredSize >= 0 && connection.supports("SIZE")) {
            out.append(" SIZE=").append(declaredSize);
        }
        if (eightBitMime && connection.supports("8BITMIME")) {
            out.append(" BODY=8BITMIME");
        }
        if (smtpUtf8) {
            out.append(" SMTPUTF8");
        }
        return out.toString();
    }
}

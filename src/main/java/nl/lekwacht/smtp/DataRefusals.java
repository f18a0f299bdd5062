package nl.lekwacht.smtp;

import org.subethamail.smtp.server.Session;

/**
 * The reply to a message whose data was refused before it was screened, and the log line that says
 * why: one place for DATA and BDAT, so both answer the same.
 */
final class DataRefusals {

    private DataRefusals() {
    }

    /** The reply for an outcome other than {@link DataOutcome#COMPLETE}; logs the refusal. */
    static SmtpReply refuse(DataOutcome outcome, RelayTransaction transaction, Session session, long size) {
        SmtpReply reply = switch (outcome) {
            case TOO_BIG -> SmtpReply.of(552, "5.3.4 Message too big");
            case HEADER_TOO_BIG -> SmtpReply.of(552, "5.3.4 Message header too big");
            case NUL -> SmtpReply.of(554, "5.6.0 NUL character not allowed");
            case BARE_NEWLINE -> SmtpReply.of(550, "5.5.2 Bare line feed not allowed");
            case COMPLETE -> throw new IllegalArgumentException("a complete message is not refused");
        };
        transaction.refusedData(outcome.name(), reply, size);
        return reply;
    }
}

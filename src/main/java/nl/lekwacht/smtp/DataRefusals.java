package nl.lekwacht.smtp;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.subethamail.smtp.server.Session;

/**
 * The reply to a message whose data was refused before it was screened, and the log line that says
 * why (or that the client left): one place for DATA and BDAT, so both answer the same.
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
            case SPOOL_FAILED -> throw new IllegalArgumentException("a spool failure has its own reply");
            case COMPLETE -> throw new IllegalArgumentException("a complete message is not refused");
        };
        transaction.refusedData(outcome.name(), reply, size, "");
        return reply;
    }

    /**
     * The reply when the spool could not store the message (its file system full): a temporary failure
     * that keeps the session, so the client may try again at once or later. Logs the refusal with the
     * cause, in the one line, without a stack trace: a full disk is an operating condition, not a bug.
     */
    static SmtpReply spoolFailed(RelayTransaction transaction, long size, IOException cause) {
        SmtpReply reply = SmtpReply.of(452, "4.3.1 Insufficient system storage, try again later");
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        transaction.refusedData(DataOutcome.SPOOL_FAILED.name(), reply, size,
                cause.getClass().getSimpleName() + message);
        return reply;
    }

    /**
     * The client's connection ended (closed, reset) in the middle of its data: one line, then the session
     * ends without a reply (there is no one to read it). A read timeout is not this: it is rethrown, so
     * SubEthaSMTP answers its {@code 421} to the idle client.
     */
    static void clientLeft(RelayTransaction transaction, Session session, long size, IOException e)
            throws SocketTimeoutException {
        if (e instanceof SocketTimeoutException timeout) {
            throw timeout;
        }
        String how = e instanceof EOFException ? "closed"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        transaction.clientLeftInData(size, how);
        session.quit();
    }
}

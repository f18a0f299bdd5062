package nl.lekwacht.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP client used at command level: MAIL and RCPT as separate commands, and DATA fed
 * from our spool byte for byte. {@code sendMessage} is never used, because it re-serialises a parsed
 * message and so changes what the sender wrote.
 *
 * <p>Not thread-safe beyond what SMTPTransport's own locking gives; one SMTP session uses it at a time.
 */
final class StreamingTransport extends SMTPTransport {

    StreamingTransport(Session session) {
        super(session, new URLName("smtp", null, -1, null, null, null));
    }

    /** Sends one command line and returns the reply, or null if the server's answer was unreadable. */
    synchronized SmtpReply command(String line) throws MessagingException {
        simpleCommand(line);
        return lastReply();
    }

    /**
     * Runs DATA: sends {@code header} then {@code body}, dot-stuffed, and the terminating dot.
     *
     * @param clientGone asked once the message is sent and before the final dot commits it: when it
     *                   says the client has gone, the dot is not sent
     * @return the server's reply to DATA if it refused it, else its reply to the final dot
     * @throws ClientGoneException the client has gone; the next hop is still in DATA and must be dropped
     * @throws DroppedBeforeDataException the connection failed (or was closed with 421) at the DATA
     *                                    command itself: the next hop has no byte of the message
     */
    synchronized SmtpReply data(byte[] header, InputStream body, BooleanSupplier clientGone)
            throws MessagingException, IOException, ClientGoneException {
        OutputStream out;
        try {
            out = data();
        } catch (SMTPSendFailedException refused) {
            SmtpReply reply = SmtpReply.parse(getLastServerResponse());
            if (reply == null || reply.code() == 421) {
                // 421 (e.g. the next hop's idle timeout) or no reply: the connection is closing, nothing was sent
                throw new DroppedBeforeDataException(refused);
            }
            return reply;
        } catch (MessagingException broken) {
            throw new DroppedBeforeDataException(broken);
        }
        out.write(header);
        body.transferTo(out);
        out.flush();
        if (clientGone.getAsBoolean()) {
            throw new ClientGoneException();
        }
        try {
            finishData();
        } catch (SMTPSendFailedException refused) {
            return lastReply();
        }
        return lastReply();
    }

    /**
     * The DATA command failed on a connection the next hop had closed (typically while it sat idle during
     * a long inspection): no byte of the message went out, so it can be sent again on a fresh connection.
     */
    static final class DroppedBeforeDataException extends MessagingException {

        private static final long serialVersionUID = 1L;

        DroppedBeforeDataException(Exception cause) {
            super("next hop closed the connection before DATA", cause);
        }
    }

    private SmtpReply lastReply() throws MessagingException {
        SmtpReply reply = SmtpReply.parse(getLastServerResponse());
        if (reply == null) {
            throw new MessagingException("next hop sent no readable reply: " + getLastReturnCode());
        }
        return reply;
    }
}

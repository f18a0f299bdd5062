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
     */
    synchronized SmtpReply data(byte[] header, InputStream body, BooleanSupplier clientGone)
            throws MessagingException, IOException, ClientGoneException {
        OutputStream out;
        try {
            out = data();
        } catch (SMTPSendFailedException refused) {
            return lastReply();
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

    private SmtpReply lastReply() throws MessagingException {
        SmtpReply reply = SmtpReply.parse(getLastServerResponse());
        if (reply == null) {
            throw new MessagingException("next hop sent no readable reply: " + getLastReturnCode());
        }
        return reply;
    }
}

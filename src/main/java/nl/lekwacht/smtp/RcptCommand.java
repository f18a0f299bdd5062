package nl.lekwacht.smtp;

import java.io.IOException;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * RCPT TO:, forwarded to the next hop at once, so a recipient it refuses is refused to our client
 * with the next hop's own code, at RCPT time, as a before-queue proxy should.
 */
final class RcptCommand extends BaseCommand {

    private final RelayMetrics metrics;

    RcptCommand(RelayMetrics metrics) {
        super("RCPT", "Specifies the recipient. Can be used any number of times.", "TO: <recipient>");
        this.metrics = metrics;
    }

    @Override
    public void execute(String commandString, Session session) throws IOException {
        RelayTransaction transaction = RelayCommands.transaction(session);
        if (transaction == null) {
            RelayCommands.send(session, SmtpReply.of(503, "5.5.1 Need MAIL before RCPT"), metrics);
            return;
        }
        SmtpPath path;
        try {
            path = SmtpPath.parse(commandString, "TO:");
            if (path.address().isEmpty()) {
                throw new MailParameters.Refused(SmtpReply.of(501, "5.1.3 Empty recipient"));
            }
            if (path.eightBit() && !transaction.smtpUtf8()) {
                throw new MailParameters.Refused(SmtpPath.needsSmtpUtf8());
            }
            if (!path.parameters().isEmpty()) {
                throw new MailParameters.Refused(SmtpReply.of(555, "5.5.4 RCPT parameters not supported"));
            }
        } catch (MailParameters.Refused refused) {
            RelayCommands.send(session, transaction.refusedRecipient("RCPT", refused.reply()), metrics);
            return;
        }
        SmtpReply reply = transaction.addRecipient(path.address());
        if (reply.isPositive()) {
            session.addRecipient(path.address());
        }
        RelayCommands.send(session, reply, metrics);
    }
}

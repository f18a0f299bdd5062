package nl.lekwacht.smtp;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/** MAIL FROM: with its ESMTP parameters, forwarded to the next hop as soon as it arrives. */
final class MailCommand extends BaseCommand {

    private final long maxMessageSize;
    private final NextHop nextHop;
    private final BooleanSupplier draining;
    private final RelayMetrics metrics;

    MailCommand(long maxMessageSize, NextHop nextHop, BooleanSupplier draining, RelayMetrics metrics) {
        super("MAIL", "Specifies the sender.", "FROM: <sender> [ <parameters> ]");
        this.maxMessageSize = maxMessageSize;
        this.nextHop = nextHop;
        this.draining = draining;
        this.metrics = metrics;
    }

    @Override
    public void execute(String commandString, Session session) throws IOException, DropConnectionException {
        if (draining.getAsBoolean()) {
            SmtpReply reply = SmtpReply.of(421, "4.3.2 Service shutting down, try again later");
            TransactionLog.refused("-", session.getRemoteAddress().getAddress(), "-", 0, 0, 0, "SHUTTING_DOWN", reply);
            metrics.reply(421);
            throw new DropConnectionException(reply.code(), reply.lines().get(0));
        }
        if (session.isMailTransactionInProgress()) {
            RelayCommands.send(session, SmtpReply.of(503, "5.5.1 Sender already specified"), metrics);
            return;
        }
        SmtpPath path;
        MailParameters parameters;
        try {
            path = SmtpPath.parse(commandString, "FROM:");
            parameters = MailParameters.parse(path.parameters(), maxMessageSize, nextHop.capabilities().smtpUtf8());
            if (path.eightBit() && !parameters.smtpUtf8()) {
                throw new MailParameters.Refused(SmtpPath.needsSmtpUtf8());
            }
        } catch (MailParameters.Refused refused) {
            // refused before a transaction began (syntax, SIZE over the limit, 8-bit address): still one line
            TransactionLog.refused("-", session.getRemoteAddress().getAddress(), "-", 0, 0, 0, "MAIL",
                    refused.reply());
            RelayCommands.send(session, refused.reply(), metrics);
            return;
        }
        session.setDeclaredMessageSize((int) Math.min(Integer.MAX_VALUE, Math.max(0, parameters.declaredSize())));
        session.startMailTransaction();
        SmtpReply reply = RelayCommands.transaction(session).mail(path.address(), parameters);
        if (!reply.isPositive()) {
            session.resetMailTransaction();
        }
        RelayCommands.send(session, reply, metrics);
    }
}

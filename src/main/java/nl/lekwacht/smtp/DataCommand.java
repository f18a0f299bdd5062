package nl.lekwacht.smtp;

import java.io.IOException;
import nl.lekwacht.message.spool.SpoolWriter;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * DATA: spools the message (refusing bare CR/LF), then screens and dispatches it. The transaction is
 * over afterwards whatever the outcome, so the client's next MAIL needs no RSET.
 */
final class DataCommand extends BaseCommand {

    private final RelayMetrics metrics;

    DataCommand(RelayMetrics metrics) {
        super("DATA", "Following text is collected as the message. End data with <CR><LF>.<CR><LF>");
        this.metrics = metrics;
    }

    @Override
    public void execute(String commandString, Session session) throws IOException, DropConnectionException {
        RelayTransaction transaction = RelayCommands.transaction(session);
        if (transaction == null) {
            RelayCommands.send(session, SmtpReply.of(503, "5.5.1 Need MAIL before DATA"), metrics);
            return;
        }
        if (transaction.recipientCount() == 0) {
            RelayCommands.send(session, SmtpReply.of(554, "5.5.1 No valid recipients"), metrics);
            return;
        }
        session.sendResponse("354 End data with <CR><LF>.<CR><LF>");
        SpoolWriter spool = transaction.spoolDirectory().newWriter();
        SmtpReply reply;
        try {
            DataOutcome outcome = DotDataReader.read(session.getRawInput(), transaction.newSink(spool));
            reply = switch (outcome) {
                case COMPLETE -> transaction.endOfData(spool.finish());
                case TOO_BIG -> SmtpReply.of(552, "5.3.4 Message too big");
                case HEADER_TOO_BIG -> SmtpReply.of(552, "5.3.4 Message header too big");
                case BARE_NEWLINE -> {
                    metrics.reply(550);
                    throw new DropConnectionException(550, "5.5.2 Bare line feed not allowed");
                }
            };
        } finally {
            spool.abort();
            session.resetMailTransaction();
        }
        RelayCommands.send(session, reply, metrics);
    }
}

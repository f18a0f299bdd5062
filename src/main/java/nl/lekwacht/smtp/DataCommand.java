package nl.lekwacht.smtp;

import java.io.IOException;
import nl.lekwacht.message.spool.SpoolWriter;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * DATA: spools the message (refusing bare CR/LF and NUL), then screens and dispatches it. The transaction is
 * over afterwards whatever the outcome, so the client's next MAIL needs no RSET. A spool that cannot take
 * the message (its file system full) gets {@code 452 4.3.1} after the client's end of data, and the
 * session goes on.
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
            RelayCommands.send(session, transaction.refused("DATA", SmtpReply.of(554, "5.5.1 No valid recipients")),
                    metrics);
            return;
        }
        if (transaction.bdatStarted()) {
            // RFC 3030 §2: DATA and BDAT are not mixed in one transaction; the BDAT data stays
            RelayCommands.send(session, transaction.refused("DATA",
                    SmtpReply.of(503, "5.5.1 DATA not allowed after BDAT")), metrics);
            return;
        }
        session.sendResponse("354 End data with <CR><LF>.<CR><LF>");
        SpoolWriter spool = transaction.spoolDirectory().newWriter();
        SmtpReply reply;
        try {
            DataSink sink = transaction.newSink(spool);
            DataOutcome outcome;
            try {
                outcome = DotDataReader.read(session.getRawInput(), sink);
            } catch (IOException e) {
                // the sink keeps the spool's failures, so this is the client's connection
                DataRefusals.clientLeft(transaction, session, sink.size(), e);
                return;
            }
            if (outcome == DataOutcome.COMPLETE) {
                reply = transaction.endOfData(spool.finish());
            } else if (outcome == DataOutcome.SPOOL_FAILED) {
                reply = DataRefusals.spoolFailed(transaction, sink.size(), sink.spoolFailure().orElseThrow());
            } else {
                reply = DataRefusals.refuse(outcome, transaction, session, sink.size());
                if (outcome == DataOutcome.BARE_NEWLINE) {
                    metrics.reply(reply.code());
                    throw new DropConnectionException(reply.code(), reply.lines().get(0));
                }
            }
        } finally {
            spool.abort();
            session.resetMailTransaction();
        }
        RelayCommands.send(session, reply, metrics);
    }
}

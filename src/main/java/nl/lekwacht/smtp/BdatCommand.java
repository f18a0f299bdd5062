package nl.lekwacht.smtp;

import java.io.IOException;
import java.util.Locale;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * BDAT (RFC 3030): chunks are spooled and checked for bare CR/LF and NUL like DATA; the LAST chunk ends the
 * transaction and the message is screened and relayed to the next hop with DATA. A chunk the spool could
 * not store is read whole and answered {@code 452 4.3.1}, ending the transaction but not the session.
 */
final class BdatCommand extends BaseCommand {

    private final RelayMetrics metrics;

    BdatCommand(RelayMetrics metrics) {
        super("BDAT", "Sends a chunk of the message.", "<size> [LAST]");
        this.metrics = metrics;
    }

    @Override
    public void execute(String commandString, Session session) throws IOException, DropConnectionException {
        String[] args = getArgs(commandString);
        long size;
        boolean last;
        try {
            size = Long.parseLong(args.length > 1 ? args[1] : "x");
            last = args.length == 3 && args[2].toUpperCase(Locale.ROOT).equals("LAST");
            if (size < 0 || args.length > 3 || (args.length == 3 && !last)) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            // The chunk length is unknown, so the stream cannot be followed any further.
            metrics.reply(501);
            throw new DropConnectionException(501, "5.5.4 Syntax: BDAT <size> [LAST]");
        }
        RelayTransaction transaction = RelayCommands.transaction(session);
        if (transaction == null || transaction.recipientCount() == 0) {
            session.getRawInput().skipNBytes(size);
            String reason = transaction == null ? "5.5.1 Need MAIL before BDAT" : "5.5.1 No valid recipients";
            SmtpReply reply = SmtpReply.of(503, reason);
            RelayCommands.send(session, transaction == null ? reply : transaction.refused("DATA", reply), metrics);
            return;
        }
        BdatDataReader reader = transaction.bdatReader();
        try {
            reader.readChunk(session.getRawInput(), size);
        } catch (IOException e) {
            // the sink keeps the spool's failures, so this is the client's connection
            DataRefusals.clientLeft(transaction, session, reader.size(), e);
            session.resetMailTransaction();
            return;
        }
        if (reader.sawBareNewline()) {
            SmtpReply refused = DataRefusals.refuse(DataOutcome.BARE_NEWLINE, transaction, session, reader.size());
            session.resetMailTransaction();
            metrics.reply(refused.code());
            throw new DropConnectionException(refused.code(), refused.lines().get(0));
        }
        if (reader.sawNul()) {
            // the chunk was read whole, so the stream is in sync: refuse the message, keep the session
            SmtpReply refused = DataRefusals.refuse(DataOutcome.NUL, transaction, session, reader.size());
            session.resetMailTransaction();
            RelayCommands.send(session, refused, metrics);
            return;
        }
        if (reader.spoolFailure().isPresent()) {
            // RFC 3030 §2: the chunk was read whole and the transaction fails; the client sends no more chunks
            SmtpReply refused = DataRefusals.spoolFailed(transaction, reader.size(), reader.spoolFailure().get());
            session.resetMailTransaction();
            RelayCommands.send(session, refused, metrics);
            return;
        }
        if (!last) {
            RelayCommands.send(session, SmtpReply.of(250, "2.0.0 " + size + " octets received"), metrics);
            return;
        }
        SmtpReply reply;
        try {
            DataOutcome outcome = reader.finish();
            if (outcome == DataOutcome.COMPLETE) {
                reply = transaction.endOfData(transaction.bdatSpool().finish());
            } else if (outcome == DataOutcome.SPOOL_FAILED) {
                reply = DataRefusals.spoolFailed(transaction, reader.size(), reader.spoolFailure().orElseThrow());
            } else {
                reply = DataRefusals.refuse(outcome, transaction, session, reader.size());
                if (outcome == DataOutcome.BARE_NEWLINE) {
                    metrics.reply(reply.code());
                    throw new DropConnectionException(reply.code(), reply.lines().get(0));
                }
            }
        } finally {
            session.resetMailTransaction();
        }
        RelayCommands.send(session, reply, metrics);
    }
}

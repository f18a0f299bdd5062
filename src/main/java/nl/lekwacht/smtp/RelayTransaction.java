package nl.lekwacht.smtp;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.spool.Spool;
import nl.lekwacht.message.spool.SpoolDirectory;
import nl.lekwacht.message.spool.SpoolWriter;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.server.Session;

/**
 * One mail transaction, MAIL to end of data, mirrored on the next hop as it happens: MAIL and every
 * RCPT are forwarded at once, so the next hop's verdicts reach the client at RCPT time. SubEthaSMTP
 * makes one per MAIL command; our own MAIL, RCPT, DATA and BDAT commands drive it (the
 * {@link MessageHandler} callbacks of the stock commands are not used). Used by one session thread.
 */
final class RelayTransaction implements MessageHandler {

    private static final char[] ID_ALPHABET = "0123456789BCDFGHJKLMNPQRSTVWXZ".toCharArray();

    private final RelaySession session;
    private final RelayLimits limits;
    private final SpoolDirectory spoolDirectory;
    private final MessageDispatcher dispatcher;
    private final Clock clock;
    private final String queueId;
    private final List<String> recipients = new ArrayList<>();
    private String sender;
    private Function<NextHopConnection, String> mailCommand;
    private boolean smtpUtf8;
    private NextHopConnection nextHop;
    private boolean nextHopOpen;
    private SpoolWriter bdatSpool;
    private BdatDataReader bdatReader;
    /** What the one log line needs when the transaction ends without a screened message. */
    private String senderDomain = "-";
    private int refusedRecipients;
    private String refusedAt;
    private SmtpReply refusal;
    private boolean logged;

    RelayTransaction(RelaySession session, RelayLimits limits, SpoolDirectory spoolDirectory,
                     MessageDispatcher dispatcher, Clock clock, SecureRandom random) {
        this.session = session;
        this.limits = limits;
        this.spoolDirectory = spoolDirectory;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.queueId = newQueueId(random);
    }

    String queueId() {
        return queueId;
    }

    SmtpReply mail(String address, MailParameters parameters) {
        senderDomain = TransactionLog.senderDomain(address);
        try {
            if (parameters.smtpUtf8() && !session.capabilities().smtpUtf8()) {
                return refused("SMTPUTF8", SmtpReply.of(553, "5.6.7 The next hop does not accept SMTPUTF8 mail"));
            }
            Function<NextHopConnection, String> command =
                    connection -> "MAIL FROM:<" + address + ">" + parameters.forNextHop(connection);
            NextHopConnection.Started started = session.startTransaction(command);
            nextHop = started.connection();
            SmtpReply reply = started.reply();
            if (reply.isPositive()) {
                sender = address;
                mailCommand = command;
                smtpUtf8 = parameters.smtpUtf8();
                nextHopOpen = true;
                return reply;
            }
            return refused("MAIL", reply);
        } catch (NextHopUnavailableException e) {
            return refused("NEXT_HOP_DOWN", SmtpReply.of(451, "4.4.1 Next hop unavailable, try again later"));
        }
    }

    SmtpReply addRecipient(String address) {
        if (recipients.size() >= limits.maxRecipients()) {
            return refusedRecipient("TOO_MANY_RECIPIENTS", SmtpReply.of(452, "4.5.3 Too many recipients"));
        }
        try {
            SmtpReply reply = nextHop.command("RCPT TO:<" + address + ">");
            if (reply.isPositive()) {
                recipients.add(address);
                return reply;
            }
            return refusedRecipient("RCPT", reply);
        } catch (NextHopUnavailableException e) {
            nextHopOpen = false;
            return refusedRecipient("NEXT_HOP_DOWN", SmtpReply.of(451, "4.4.1 Next hop unavailable, try again later"));
        }
    }

    /** A recipient refused before the next hop saw it (bad syntax, parameters): counted for the log line. */
    SmtpReply refusedRecipient(String why, SmtpReply reply) {
        refusedRecipients++;
        return refused(why, reply);
    }

    /**
     * A command of this transaction was refused ({@code why}: where, e.g. {@code DATA}); the last such
     * refusal is what the log line names when the transaction ends without a message.
     */
    SmtpReply refused(String why, SmtpReply reply) {
        refusedAt = why;
        refusal = reply;
        return reply;
    }

    /**
     * The message's data was refused before screening (too big, bare LF, NUL, spool full): logged now,
     * once; {@code cause} is empty or says what failed on our side.
     */
    void refusedData(String why, SmtpReply reply, long size, String cause) {
        logged = true;
        TransactionLog.refused(queueId, client(), senderDomain, recipients.size(), refusedRecipients, size, why,
                reply, cause);
    }

    /** The client left in the middle of its data: nothing refused, nothing relayed; logged now, once. */
    void clientLeftInData(long size, String how) {
        logged = true;
        TransactionLog.leftInData(queueId, client(), senderDomain, recipients.size(), refusedRecipients, size, how);
    }

    /** The client declared SMTPUTF8 on MAIL: non-ASCII addresses may follow. */
    boolean smtpUtf8() {
        return smtpUtf8;
    }

    int recipientCount() {
        return recipients.size();
    }

    DataSink newSink(java.io.OutputStream out) {
        return new DataSink(out, limits.maxMessageSize(), limits.maxHeaderSize());
    }

    /** Screens and dispatches a completely received message. */
    SmtpReply endOfData(Spool spool) {
        logged = true; // the dispatcher writes this transaction's line
        Session smtp = session.smtpSession();
        Envelope envelope = new Envelope(queueId, sender, recipients,
                ((InetSocketAddress) smtp.getRemoteAddress()).getAddress(), smtp.getHelo().orElse(""),
                authenticatedUser(smtp), clock.instant());
        SmtpReply reply = dispatcher.dispatch(envelope, spool, nextHop, this::reopenNextHop, smtp.isTLSStarted(),
                session.clientPresence());
        // whatever happened, the next-hop transaction is over: delivered, reset, or the connection broke
        nextHopOpen = false;
        return reply;
    }

    /**
     * Opens this transaction again on a fresh next-hop connection: MAIL and every recipient accepted
     * before. Only when the next hop accepts all of them again is the message sent there; otherwise the
     * client hears 451 and tries again later, as it would have without this second attempt.
     */
    private NextHopConnection reopenNextHop() throws NextHopUnavailableException {
        NextHopConnection.Started started = session.startTransaction(mailCommand);
        nextHop = started.connection();
        nextHopOpen = true;
        if (!started.reply().isPositive()) {
            throw new NextHopUnavailableException("next hop answered " + started.reply().code()
                    + " to MAIL on the new connection", null);
        }
        for (String recipient : recipients) {
            SmtpReply reply = nextHop.command("RCPT TO:<" + recipient + ">");
            if (!reply.isPositive()) {
                throw new NextHopUnavailableException("next hop answered " + reply.code()
                        + " to a recipient it had accepted before", null);
            }
        }
        return nextHop;
    }

    /** The spool and reader of a BDAT transaction, created at its first chunk. */
    BdatDataReader bdatReader() {
        if (bdatReader == null) {
            bdatSpool = spoolDirectory.newWriter();
            bdatReader = new BdatDataReader(newSink(bdatSpool));
        }
        return bdatReader;
    }

    /** A BDAT chunk was received in this transaction (then DATA is out of order). */
    boolean bdatStarted() {
        return bdatReader != null;
    }

    SpoolWriter bdatSpool() {
        return bdatSpool;
    }

    SpoolDirectory spoolDirectory() {
        return spoolDirectory;
    }

    @Override
    public void from(String from) {
        throw new IllegalStateException("MAIL is handled by the relay's own command");
    }

    @Override
    public void recipient(String recipient) {
        throw new IllegalStateException("RCPT is handled by the relay's own command");
    }

    @Override
    public String data(InputStream data) {
        throw new IllegalStateException("DATA is handled by the relay's own command");
    }

    /** Called by SubEthaSMTP when the transaction ends in any way (end of data, RSET, QUIT, drop). */
    @Override
    public void done() {
        if (!logged) {
            logged = true;
            if (refusal != null && (sender == null || recipients.isEmpty() || refusedAt.equals("DATA"))) {
                TransactionLog.refused(queueId, client(), senderDomain, recipients.size(), refusedRecipients, 0,
                        refusedAt, refusal);
            } else {
                TransactionLog.notSent(queueId, client(), senderDomain, recipients.size(), refusedRecipients);
            }
        }
        if (bdatSpool != null) {
            bdatSpool.abort();
            bdatSpool = null;
        }
        if (nextHopOpen && nextHop != null) {
            nextHop.reset();
            nextHopOpen = false;
        }
    }

    private java.net.InetAddress client() {
        return ((InetSocketAddress) session.smtpSession().getRemoteAddress()).getAddress();
    }

    private static Optional<String> authenticatedUser(Session smtp) {
        return smtp.getAuthenticationHandler().map(h -> {
            Object identity = h.getIdentity();
            return identity == null ? "authenticated" : identity.toString();
        });
    }

    private static String newQueueId(SecureRandom random) {
        char[] id = new char[12];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }

}

package nl.lekwacht.smtp;

import java.nio.channels.SocketChannel;
import org.subethamail.smtp.server.Session;

/**
 * Our state for one client SMTP session: above all the next-hop connection, which is opened at the
 * first MAIL and reused (after RSET) by later transactions of the same session. Used only by the
 * session's own thread.
 */
final class RelaySession {

    private final Session smtpSession;
    private final NextHop nextHop;
    private final RelayMetrics metrics;
    private final SocketChannel connectionChannel;
    private NextHopConnection connection;
    private int commands;

    /** Call when the session starts: its socket is still the accepted one, not yet wrapped by STARTTLS. */
    RelaySession(Session smtpSession, NextHop nextHop, RelayMetrics metrics) {
        this.smtpSession = smtpSession;
        this.connectionChannel = smtpSession.getSocket() == null ? null : smtpSession.getSocket().getChannel();
        this.nextHop = nextHop;
        this.metrics = metrics;
    }

    /** Counts one more command of this session; returns how many there were so far. */
    int countCommand() {
        return ++commands;
    }

    Session smtpSession() {
        return smtpSession;
    }

    /** Whether the client has left, looked at without waiting where the connection allows it. */
    ClientPresence clientPresence() {
        return new ClientPresence(smtpSession, connectionChannel);
    }

    /**
     * Sends MAIL on the session's next-hop connection, opening one when there is none. A reused
     * connection may have been dropped by the next hop while idle (or be told 421); then MAIL is tried
     * once more on a fresh connection, so an idle timeout never becomes the client's problem.
     */
    NextHopConnection.Started startTransaction(java.util.function.Function<NextHopConnection, String> mailCommand)
            throws NextHopUnavailableException {
        if (connection != null && connection.isUsable()) {
            try {
                SmtpReply reply = connection.command(mailCommand.apply(connection));
                if (reply.code() != 421) {
                    metrics.nextHopConnectionReused();
                    return new NextHopConnection.Started(connection, reply);
                }
            } catch (NextHopUnavailableException dropped) {
                // fall through to a fresh connection
            }
        }
        close();
        connection = nextHop.connect();
        return new NextHopConnection.Started(connection, connection.command(mailCommand.apply(connection)));
    }


    NextHop.Capabilities capabilities() {
        return nextHop.capabilities();
    }

    void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}

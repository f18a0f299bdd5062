package nl.lekwacht.smtp;

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
    private NextHopConnection connection;

    RelaySession(Session smtpSession, NextHop nextHop, RelayMetrics metrics) {
        this.smtpSession = smtpSession;
        this.nextHop = nextHop;
        this.metrics = metrics;
    }

    Session smtpSession() {
        return smtpSession;
    }

    /** The open next-hop connection, or a new one when there is none or it broke. */
    NextHopConnection nextHop() throws NextHopUnavailableException {
        if (connection != null && connection.isUsable()) {
            metrics.nextHopConnectionReused();
            return connection;
        }
        close();
        connection = nextHop.connect();
        return connection;
    }

    NextHop.Capabilities capabilities() {
        return nextHop.capabilities();
    }

    void close() {
        if (connection != null) {
            if (connection.isUsable()) {
                try {
                    connection.command("QUIT");
                } catch (NextHopUnavailableException e) {
                    // closing anyway
                }
            }
            connection.close();
            connection = null;
        }
    }
}

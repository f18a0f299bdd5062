package nl.lekwacht.smtp;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One open SMTP connection to the next hop, used by one client session for one or more
 * transactions. Every failure to talk to it becomes a {@link NextHopUnavailableException} and marks
 * the connection broken, so the next transaction opens a fresh one.
 */
final class NextHopConnection implements AutoCloseable {

    /** A connection on which MAIL was sent, and the next hop's reply to it. */
    record Started(NextHopConnection connection, SmtpReply reply) {
    }

    private final StreamingTransport transport;
    private final Supplier<Socket> socket;
    private final Duration commandTimeout;
    private final Duration dataTimeout;
    private boolean broken;

    NextHopConnection(StreamingTransport transport, Supplier<Socket> socket, Duration commandTimeout,
                      Duration dataTimeout) {
        this.transport = transport;
        this.socket = socket;
        this.commandTimeout = commandTimeout;
        this.dataTimeout = dataTimeout;
    }

    public boolean supports(String extension) {
        return transport.supportsExtension(extension);
    }

    public SmtpReply command(String line) throws NextHopUnavailableException {
        try {
            return transport.command(line);
        } catch (MessagingException e) {
            broken = true;
            throw new NextHopUnavailableException("next hop did not answer " + verb(line), e);
        }
    }

    /** Sends a message of the gateway's own (a release, a notice): nobody waits for a reply to it. */
    public SmtpReply data(byte[] traceHeaders, InputStream body) throws NextHopUnavailableException {
        try {
            return data(traceHeaders, body, () -> false);
        } catch (ClientGoneException e) {
            throw new IllegalStateException("no client to go", e);
        }
    }

    /**
     * Sends the message: our trace lines, then the spooled bytes as received, then the final dot unless
     * {@code clientGone} says the client left meanwhile. Then the connection is dropped without the dot,
     * which is the only way to make the next hop discard a message in DATA (RFC 5321 3.3).
     *
     * @throws NextHopDroppedException the next hop had closed the connection before DATA: it has nothing
     *                                 of the message, which may be sent again on a fresh connection
     */
    public SmtpReply data(byte[] traceHeaders, InputStream body, BooleanSupplier clientGone)
            throws NextHopUnavailableException, ClientGoneException {
        try {
            setTimeout(dataTimeout);
            return transport.data(traceHeaders, body, clientGone);
        } catch (ClientGoneException e) {
            drop();
            throw e;
        } catch (StreamingTransport.DroppedBeforeDataException e) {
            drop();
            throw new NextHopDroppedException("next hop had closed the connection before DATA", e);
        } catch (MessagingException | IOException e) {
            broken = true;
            throw new NextHopUnavailableException("next hop failed during DATA", e);
        } finally {
            setTimeout(commandTimeout);
        }
    }

    /** Ends an open next-hop transaction; a failure only marks the connection broken. */
    public void reset() {
        if (broken) {
            return;
        }
        try {
            SmtpReply reply = transport.command("RSET");
            if (!reply.isPositive()) {
                broken = true;
            }
        } catch (MessagingException e) {
            broken = true;
        }
    }

    /**
     * False once any exchange failed. Deliberately no NOOP probe (a round trip per message): a
     * connection the next hop dropped while idle shows up at the next MAIL, which the session then
     * retries on a fresh connection.
     */
    public boolean isUsable() {
        return !broken;
    }

    /** Closes the socket at once, without QUIT: the next hop discards an unfinished DATA. */
    private void drop() {
        broken = true;
        Socket s = socket.get();
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    /** Says QUIT (when the connection still works) and closes. */
    @Override
    public void close() {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            // closing a dead connection: nothing left to do
        }
    }

    private void setTimeout(Duration timeout) {
        Socket s = socket.get();
        if (s != null) {
            try {
                s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            } catch (SocketException e) {
                broken = true;
            }
        }
    }

    private static String verb(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? line : line.substring(0, space);
    }
}

package nl.lekwacht.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.function.BooleanSupplier;
import org.subethamail.smtp.server.Session;

/**
 * Whether the client of a session has gone: closed or reset its connection while waiting for the reply
 * to its message. Such a client will send the message again, so it must not also be relayed now.
 * Looks without consuming: bytes the client pipelined after its data (RFC 2920 allows a QUIT there)
 * stay buffered for the session to read. Used by the session's own thread.
 *
 * <p>A client that is there and waits sends nothing, so a blocking read can only tell it apart by
 * timing out, and a socket's timeout is at least a millisecond. So first the connection's channel is
 * polled without waiting: a connection with nothing to read (no byte, no end of stream, no reset) has
 * a client that is still there. Only when something is pending, or there is no channel, is it read.
 */
final class ClientPresence implements BooleanSupplier {

    /** Bytes read ahead at most to find the end of the stream; a client sending this much is still there. */
    private static final int LOOK_AHEAD = 4096;

    private final Session session;
    private final SocketChannel connection;

    /**
     * @param connection the channel of the session's TCP connection, also under TLS (the accepted
     *                   socket's, see {@link RelaySession}); null when the socket has none, then every
     *                   look reads with the shortest timeout
     */
    ClientPresence(Session session, SocketChannel connection) {
        this.session = session;
        this.connection = connection;
    }

    /** @return true when the client has gone */
    @Override
    public boolean getAsBoolean() {
        Socket socket = session.getSocket();
        if (socket == null || socket.isClosed() || socket.isInputShutdown()) {
            return true;
        }
        InputStream in = session.getRawInput();
        if (connection != null && nothingBuffered(in) && nothingPending(connection)) {
            return false;
        }
        return endOfStreamAhead(socket, in);
    }

    /**
     * Bytes the session already holds (pipelined commands; under TLS, decrypted ones) may come
     * before an end of stream that was read with them, so they are read through as before.
     */
    private static boolean nothingBuffered(InputStream in) {
        try {
            return in.available() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Polls the channel without waiting: false when a byte, the end of the stream or an error is
     * waiting to be read. The channel is switched to non-blocking mode for the poll and back, which
     * is safe because only this session's thread reads or writes it and it is here.
     */
    private static boolean nothingPending(SocketChannel channel) {
        try {
            channel.configureBlocking(false);
            try (Selector selector = Selector.open()) {
                channel.register(selector, SelectionKey.OP_READ);
                return selector.selectNow() == 0;
            } finally {
                // closing the selector deregistered the channel, so it may block again
                channel.configureBlocking(true);
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Reads ahead, with the shortest timeout, to see whether the stream ends. */
    private static boolean endOfStreamAhead(Socket socket, InputStream in) {
        int timeout;
        try {
            timeout = socket.getSoTimeout();
            socket.setSoTimeout(1);
        } catch (IOException e) {
            return true;
        }
        in.mark(LOOK_AHEAD);
        try {
            byte[] buffer = new byte[LOOK_AHEAD];
            int seen = 0;
            while (seen < LOOK_AHEAD) {
                int n = in.read(buffer, 0, LOOK_AHEAD - seen);
                if (n < 0) {
                    return true;
                }
                seen += n;
            }
            return false;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        } finally {
            try {
                in.reset();
                socket.setSoTimeout(timeout);
            } catch (IOException e) {
                // the connection broke: the session ends at its next read
            }
        }
    }
}

package nl.lekwacht.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.function.BooleanSupplier;
import org.subethamail.smtp.server.Session;

/**
 * Whether the client of a session has gone: closed or reset its connection while waiting for the reply
 * to its message. Such a client will send the message again, so it must not also be relayed now.
 * Looks without consuming: bytes the client pipelined after its data (RFC 2920 allows a QUIT there)
 * stay buffered for the session to read. Used by the session's own thread.
 */
final class ClientPresence implements BooleanSupplier {

    /** Bytes read ahead at most to find the end of the stream; a client sending this much is still there. */
    private static final int LOOK_AHEAD = 4096;

    private final Session session;

    ClientPresence(Session session) {
        this.session = session;
    }

    /** @return true when the client has gone */
    @Override
    public boolean getAsBoolean() {
        Socket socket = session.getSocket();
        if (socket == null || socket.isClosed() || socket.isInputShutdown()) {
            return true;
        }
        InputStream in = session.getRawInput();
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

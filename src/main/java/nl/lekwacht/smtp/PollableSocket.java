package nl.lekwacht.smtp;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.Set;

/**
 * An accepted client connection that has a channel, so that {@link ClientPresence} can poll it without
 * waiting, and that closes as a plain socket does. A channel's socket closes its descriptor at once;
 * with bytes unread (a client cut off mid-line, an overlong command) the client's next read then fails
 * with a reset instead of seeing the end of the stream after the last reply. So output is shut down
 * first, which sends the end of the stream before the close, as {@code new ServerSocket().accept()}'s
 * sockets do. Everything else is the channel's socket's own.
 */
final class PollableSocket extends Socket {

    private final Socket connection;

    /** @param connection an accepted channel's socket ({@code SocketChannel.socket()}) */
    PollableSocket(Socket connection) {
        this.connection = connection;
    }

    @Override
    public synchronized void close() throws IOException {
        if (connection.isClosed()) {
            return;
        }
        try {
            if (connection.isConnected() && !connection.isOutputShutdown() && connection.getSoLinger() != 0) {
                connection.shutdownOutput();
            }
        } catch (IOException e) {
            // the connection broke already: closing is all that is left
        } finally {
            connection.close();
        }
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return new FilterInputStream(connection.getInputStream()) {
            @Override
            public int read() throws IOException {
                try {
                    return in.read();
                } catch (ClosedChannelException e) {
                    throw closed(e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return in.read(b, off, len);
                } catch (ClosedChannelException e) {
                    throw closed(e);
                }
            }

            @Override
            public int available() throws IOException {
                try {
                    return in.available();
                } catch (ClosedChannelException e) {
                    throw closed(e);
                }
            }

            @Override
            public void close() throws IOException {
                PollableSocket.this.close();
            }
        };
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return new FilterOutputStream(connection.getOutputStream()) {
            @Override
            public void write(int b) throws IOException {
                try {
                    out.write(b);
                } catch (ClosedChannelException e) {
                    throw closed(e);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    out.write(b, off, len);
                } catch (ClosedChannelException e) {
                    throw closed(e);
                }
            }

            @Override
            public void close() throws IOException {
                PollableSocket.this.close();
            }
        };
    }

    /**
     * A plain socket closed meanwhile (by the session timeout, the server stopping, a failed STARTTLS)
     * fails reads and writes with a {@link SocketException}, which the SMTP server takes as the end of
     * the session; a channel's {@link ClosedChannelException} it would log as an error.
     */
    private static SocketException closed(ClosedChannelException e) {
        SocketException closed = new SocketException("Socket closed");
        closed.initCause(e);
        return closed;
    }

    @Override
    public SocketChannel getChannel() {
        return connection.getChannel();
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        connection.connect(endpoint);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        connection.connect(endpoint, timeout);
    }

    @Override
    public void bind(SocketAddress bindpoint) throws IOException {
        connection.bind(bindpoint);
    }

    @Override
    public InetAddress getInetAddress() {
        return connection.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return connection.getLocalAddress();
    }

    @Override
    public int getPort() {
        return connection.getPort();
    }

    @Override
    public int getLocalPort() {
        return connection.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return connection.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return connection.getLocalSocketAddress();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        connection.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return connection.getTcpNoDelay();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        connection.setSoLinger(on, linger);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return connection.getSoLinger();
    }

    @Override
    public void sendUrgentData(int data) throws IOException {
        connection.sendUrgentData(data);
    }

    @Override
    public void setOOBInline(boolean on) throws SocketException {
        connection.setOOBInline(on);
    }

    @Override
    public boolean getOOBInline() throws SocketException {
        return connection.getOOBInline();
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
        connection.setSoTimeout(timeout);
    }

    @Override
    public synchronized int getSoTimeout() throws SocketException {
        return connection.getSoTimeout();
    }

    @Override
    public synchronized void setSendBufferSize(int size) throws SocketException {
        connection.setSendBufferSize(size);
    }

    @Override
    public synchronized int getSendBufferSize() throws SocketException {
        return connection.getSendBufferSize();
    }

    @Override
    public synchronized void setReceiveBufferSize(int size) throws SocketException {
        connection.setReceiveBufferSize(size);
    }

    @Override
    public synchronized int getReceiveBufferSize() throws SocketException {
        return connection.getReceiveBufferSize();
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        connection.setKeepAlive(on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return connection.getKeepAlive();
    }

    @Override
    public void setTrafficClass(int tc) throws SocketException {
        connection.setTrafficClass(tc);
    }

    @Override
    public int getTrafficClass() throws SocketException {
        return connection.getTrafficClass();
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        connection.setReuseAddress(on);
    }

    @Override
    public boolean getReuseAddress() throws SocketException {
        return connection.getReuseAddress();
    }

    @Override
    public void shutdownInput() throws IOException {
        connection.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        connection.shutdownOutput();
    }

    @Override
    public String toString() {
        return connection.toString();
    }

    @Override
    public boolean isConnected() {
        return connection.isConnected();
    }

    @Override
    public boolean isBound() {
        return connection.isBound();
    }

    @Override
    public boolean isClosed() {
        return connection.isClosed();
    }

    @Override
    public boolean isInputShutdown() {
        return connection.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return connection.isOutputShutdown();
    }

    @Override
    public void setPerformancePreferences(int connectionTime, int latency, int bandwidth) {
        connection.setPerformancePreferences(connectionTime, latency, bandwidth);
    }

    @Override
    public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
        connection.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return connection.getOption(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return connection.supportedOptions();
    }
}

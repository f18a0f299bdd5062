package nl.lekwacht.smtp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;

/**
 * The relay's listening socket: accepts {@link PollableSocket}s, client connections with a channel, so
 * that whether a client has left can be seen without a blocking read (see {@link ClientPresence}).
 * Only what the SMTP server uses is routed to the channel: bind, accept, close and the addresses.
 */
final class PollableServerSocket extends ServerSocket {

    private final ServerSocketChannel channel;

    PollableServerSocket() throws IOException {
        this.channel = ServerSocketChannel.open();
    }

    @Override
    public void bind(SocketAddress endpoint) throws IOException {
        bind(endpoint, 50);
    }

    @Override
    public void bind(SocketAddress endpoint, int backlog) throws IOException {
        // as a plain ServerSocket on Linux: a restarted gateway may listen again at once
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        channel.bind(endpoint, backlog);
    }

    @Override
    public Socket accept() throws IOException {
        return new PollableSocket(channel.accept().socket());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public boolean isBound() {
        return channel.socket().isBound();
    }

    @Override
    public boolean isClosed() {
        return !channel.isOpen();
    }

    @Override
    public InetAddress getInetAddress() {
        return channel.socket().getInetAddress();
    }

    @Override
    public int getLocalPort() {
        return channel.socket().getLocalPort();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return channel.socket().getLocalSocketAddress();
    }

    @Override
    public String toString() {
        return channel.socket().toString();
    }
}

package nl.lekwacht.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The relay's accepted sockets have a channel yet behave towards the session and the client as plain ones. */
class PollableSocketTest {

    @Test
    void clientReadsTheLastReplyAndThenTheEndOfTheStreamWhenClosedWithItsBytesUnread() throws Exception {
        try (PollableServerSocket server = new PollableServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                 Socket accepted = server.accept()) {
                assertThat(accepted.getChannel()).isNotNull();
                client.getOutputStream().write(("EHLO " + "x".repeat(10_000) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                accepted.getInputStream().readNBytes(100);
                accepted.getOutputStream().write("501 5.5.2 Line too long\r\n".getBytes(StandardCharsets.US_ASCII));
                // what the SMTP server does to end a session: close its writer's stream
                accepted.getOutputStream().close();

                InputStream in = client.getInputStream();
                assertThat(new String(in.readNBytes(25), StandardCharsets.US_ASCII)).isEqualTo("501 5.5.2 Line too long\r\n");
                assertThat(in.read()).as("the end of the stream, not a reset").isEqualTo(-1);
                assertThat(accepted.isClosed()).isTrue();
            }
        }
    }

    @Test
    void readingASocketClosedMeanwhileFailsWithASocketException() throws Exception {
        try (PollableServerSocket server = new PollableServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                 Socket accepted = server.accept()) {
                InputStream in = accepted.getInputStream();
                accepted.close();

                assertThatThrownBy(in::read).isInstanceOf(SocketException.class).hasMessage("Socket closed");
                assertThat(client.getInputStream().read()).isEqualTo(-1);
            }
        }
    }
}

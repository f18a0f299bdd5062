package nl.lekwacht.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A next hop that keeps only what counting needs: for each Message-ID how many times it arrived and
 * the {@code X-Lekwacht} verdict of its first copy. It reads the header and drains the rest, so ten
 * thousand messages cost no memory, and it can be stopped and started again on the same port, as a
 * next hop that goes down and comes back.
 */
public final class CountingSink implements AutoCloseable {

    /** What arrived for one Message-ID. */
    public record Arrival(int copies, String verdict) {
    }

    private final Map<String, Arrival> arrivals = new HashMap<>();
    private int others;
    private final int port;
    /** Guards the server's life apart from the counts: stopping waits for sessions that are counting. */
    private final Object lifecycle = new Object();
    private SMTPServer server;

    public CountingSink() {
        server = build(0);
        server.start();
        port = server.getPortAllocated();
    }

    private SMTPServer build(int onPort) {
        return SMTPServer.port(onPort).bindAddress(InetAddress.getLoopbackAddress()).hostName("sink.test")
                .maxMessageSize(100 * 1024 * 1024).insertReceivedHeaders(false)
                .messageHandlerFactory(ctx -> new Handler()).build();
    }

    public int port() {
        return port;
    }

    /** Stops listening and drops every open connection: the next hop is down. */
    public void stop() {
        synchronized (lifecycle) {
            server.stop();
            server = null;
        }
    }

    /** Listens again on the same port. */
    public void start() {
        synchronized (lifecycle) {
            if (server == null) {
                server = build(port);
                server.start();
            }
        }
    }

    /** Every Message-ID seen so far, with its copies. */
    public synchronized Map<String, Arrival> arrivals() {
        return Map.copyOf(arrivals);
    }

    public synchronized Optional<Arrival> arrival(String messageId) {
        return Optional.ofNullable(arrivals.get(messageId));
    }

    /** Messages without a Message-ID of the form the test sends (the gateway's notices). */
    public synchronized int others() {
        return others;
    }

    /**
     * Waits until every one of {@code messageIds} has arrived, at most {@code limit} (a hang detector);
     * returns whether they all did.
     */
    public synchronized boolean awaitAll(java.util.Collection<String> messageIds, Duration limit)
            throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!arrivals.keySet().containsAll(messageIds)) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private synchronized void arrived(String messageId, String verdict) {
        if (messageId == null) {
            others++;
        } else {
            arrivals.merge(messageId, new Arrival(1, verdict), (a, b) -> new Arrival(a.copies() + 1, a.verdict()));
        }
        notifyAll();
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (server != null) {
                server.stop();
            }
        }
    }

    private final class Handler implements MessageHandler {

        @Override
        public void from(String from) {
        }

        @Override
        public void recipient(String recipient) {
        }

        @Override
        public String data(InputStream data) throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(data, StandardCharsets.ISO_8859_1));
            String messageId = null;
            String verdict = "";
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("message-id:") && line.contains("@fault.test")) {
                    messageId = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                } else if (lower.startsWith("x-lekwacht:") && verdict.isEmpty()) {
                    verdict = line.substring("x-lekwacht:".length()).trim();
                }
            }
            in.transferTo(java.io.Writer.nullWriter());
            arrived(messageId, verdict);
            return "2.0.0 Ok: counted";
        }

        @Override
        public void done() {
        }
    }
}

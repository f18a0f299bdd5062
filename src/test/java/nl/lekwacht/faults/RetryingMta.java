package nl.lekwacht.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import nl.lekwacht.support.Messages;
import nl.lekwacht.support.SmtpTestClient;

/**
 * A sending MTA as far as a fault run needs one: several sessions take messages from one list; a 4xx
 * or a broken connection (refused, reset, closed) means "try again later", after a back-off that
 * doubles up to a ceiling; a 2xx or a 5xx at the end of data is final. Every attempt is reported to
 * the {@link FaultLog}. It gives up only at {@code deadline}, which is a hang detector, not a limit any
 * healthy run comes near.
 */
final class RetryingMta {

    static final String FROM = "alice@gemeente.example";
    static final String TO = "bob@extern.example";

    private final IntSupplier port;
    private final List<Outgoing> messages;
    private final int sessions;
    private final FaultLog log;
    private final Duration maxBackoff;
    private final List<InetAddress> sources;

    /** One message to send; {@code bsn} when its text carries a citizen service number. */
    record Outgoing(int index, String messageId, boolean bsn, String text) {
    }

    /** {@code port} is asked again on every connect, so a gateway restarted on another port is found. */
    RetryingMta(IntSupplier port, List<Outgoing> messages, int sessions, FaultLog log, Duration maxBackoff,
                List<InetAddress> sources) {
        this.port = port;
        this.messages = messages;
        this.sessions = sessions;
        this.log = log;
        this.maxBackoff = maxBackoff;
        this.sources = sources;
    }

    /** Sends everything; returns when every message has a final answer or {@code deadline} passed. */
    void sendAll(Duration deadline) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        long end = System.nanoTime() + deadline.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        for (int s = 0; s < sessions; s++) {
            InetAddress source = sources.get(s % sources.size());
            pool.execute(() -> session(next, end, source));
        }
        pool.shutdown();
        if (!pool.awaitTermination(deadline.toMillis() + 60_000, TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
        }
    }

    private void session(AtomicInteger next, long end, InetAddress source) {
        Connection connection = new Connection(source);
        try {
            for (int i = next.getAndIncrement(); i < messages.size(); i = next.getAndIncrement()) {
                Outgoing message = messages.get(i);
                long backoff = 50;
                while (!connection.attempt(message)) {
                    if (System.nanoTime() > end) {
                        return;
                    }
                    pause(backoff);
                    backoff = Math.min(backoff * 2, maxBackoff.toMillis());
                }
            }
        } finally {
            connection.close();
        }
    }

    /** The back-off between attempts, as an MTA's queue waits before it tries a deferred message again. */
    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One session's connection, opened when needed and dropped after anything unexpected. */
    private final class Connection {
        private final InetAddress source;
        private SmtpTestClient client;

        Connection(InetAddress source) {
            this.source = source;
        }

        /** One attempt; true when the message has its final answer. */
        boolean attempt(Outgoing message) {
            boolean dataSent = false;
            try {
                if (client == null) {
                    client = new SmtpTestClient("127.0.0.1", port.getAsInt(), source);
                    String greeting = client.reply();
                    if (!greeting.startsWith("220")) {
                        return temporary(message, greeting, false);
                    }
                    if (!client.command("EHLO mta.test").startsWith("250")) {
                        return temporary(message, "EHLO refused", false);
                    }
                }
                String mail = client.command("MAIL FROM:<" + FROM + ">");
                if (!mail.startsWith("250")) {
                    return answered(message, mail, false);
                }
                String rcpt = client.command("RCPT TO:<" + TO + ">");
                if (!rcpt.startsWith("250")) {
                    return answered(message, rcpt, false);
                }
                String data = client.command("DATA");
                if (!data.startsWith("354")) {
                    return answered(message, data, false);
                }
                dataSent = true;
                client.send(Messages.dataOf(message.text()));
                return answered(message, client.reply(), true);
            } catch (IOException e) {
                return temporary(message, "broken: " + e.getClass().getSimpleName(), dataSent);
            }
        }

        private boolean answered(Outgoing message, String reply, boolean atEndOfData) {
            if (reply.startsWith("2")) {
                log.accepted(message, reply);
                return true;
            }
            if (reply.startsWith("5")) {
                log.refused(message, reply);
                resetOrDrop();
                return true;
            }
            return temporary(message, reply, atEndOfData);
        }

        private boolean temporary(Outgoing message, String reply, boolean atEndOfData) {
            log.temporary(message, reply, atEndOfData);
            if (reply.startsWith("4") && !reply.startsWith("421")) {
                resetOrDrop();
            } else {
                close();
            }
            return false;
        }

        private void resetOrDrop() {
            try {
                if (!client.command("RSET").startsWith("250")) {
                    close();
                }
            } catch (IOException e) {
                close();
            }
        }

        void close() {
            if (client != null) {
                try {
                    client.close();
                } catch (IOException e) {
                    // gone already
                }
                client = null;
            }
        }
    }

    static List<InetAddress> loopback(int count) {
        List<InetAddress> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            try {
                out.add(InetAddress.getByName("127.0.0." + i));
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}

package nl.lekwacht.bench;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test (its name keeps it out of the normal run): the latency the gateway adds to one clean 10 KB
 * message with one recipient, in one session, measured at the client as the load harness does (MAIL to
 * the reply after the dot, the same messages straight to a sink and through the gateway), split by
 * command so that it shows where the added time goes. The gateway runs in this JVM on the test
 * defaults (H2 store, every detector, parser processes); the sink is a minimal one that answers at once.
 * Run with
 * {@code mvn -B -DbuildDir=target-probe test -Dtest=RelayLatencyProbe -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dprobe.messages=500 -Dprobe.warmup=300} to change the counts).
 */
class RelayLatencyProbe {

    private static final String SENDER = "loadtest@gemeente.example";
    private static final String RECIPIENT = "rcpt@extern.example";
    private static final String LINE = "Beste mevrouw, hierbij de stukken voor het overleg van donderdag over de planning.";
    private static final String[] PHASES = {"MAIL", "RCPT", "DATA", "dot", "total"};

    @TempDir
    Path data;

    @Test
    void measure() throws Exception {
        int messages = Integer.getInteger("probe.messages", 500);
        int warmup = Integer.getInteger("probe.warmup", 300);
        byte[] message = message(10 * 1024);
        // the gateway's log goes to a file, as a service's goes to the journal, not through the test runner
        PrintStream console = System.err;
        System.setErr(new PrintStream(new FileOutputStream(data.resolve("gateway.log").toFile()), true));
        try (MinimalSink sink = new MinimalSink(); Gateway gateway = TestGateway.startGateway(data, sink.port(), "")) {
            long[][] direct = session(sink.port(), message, warmup, messages);
            long[][] relayed = session(gateway.smtpPort(), message, warmup, messages);
            // once more each, so that neither side is favoured by running later (JIT, page cache)
            long cpu0 = processCpuNanos();
            long[][] direct2 = session(sink.port(), message, warmup / 3, messages);
            long cpu1 = processCpuNanos();
            long[][] relayed2 = session(gateway.smtpPort(), message, warmup / 3, messages);
            long cpu2 = processCpuNanos();
            report("direct", direct, direct2);
            report("relayed", relayed, relayed2);
            // the whole JVM (client, sink, gateway and its background writers); the difference is the gateway's
            int sent = warmup / 3 + messages;
            System.out.printf("PROBE cpu ms per message (second round, this JVM): direct %.2f, relayed %.2f%n",
                    ms(cpu1 - cpu0) / sent, ms(cpu2 - cpu1) / sent);
            System.out.printf("PROBE added total p50 %.2f ms, p99 %.2f ms (relayed minus direct, per percentile)%n",
                    ms(percentile(join(relayed[4], relayed2[4]), 50)) - ms(percentile(join(direct[4], direct2[4]), 50)),
                    ms(percentile(join(relayed[4], relayed2[4]), 99)) - ms(percentile(join(direct[4], direct2[4]), 99)));
        } finally {
            System.setErr(console);
        }
    }

    private static void report(String what, long[][] first, long[][] second) {
        StringBuilder line = new StringBuilder("PROBE " + what + ":");
        for (int p = 0; p < PHASES.length; p++) {
            long[] all = join(first[p], second[p]);
            line.append(String.format("  %s p50 %.2f p99 %.2f mean %.2f", PHASES[p], ms(percentile(all, 50)),
                    ms(percentile(all, 99)), ms((long) Arrays.stream(all).average().orElse(0))));
        }
        System.out.println(line);
    }

    /** One session: {@code warmup} untimed then {@code count} timed transactions; times per phase in ns. */
    private static long[][] session(int port, byte[] message, int warmup, int count) throws IOException {
        long[][] took = new long[PHASES.length][count];
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            reply(in, "greeting");
            command(out, in, "EHLO latency.test");
            for (int i = 0; i < warmup + count; i++) {
                long t0 = System.nanoTime();
                command(out, in, "MAIL FROM:<" + SENDER + ">");
                long t1 = System.nanoTime();
                command(out, in, "RCPT TO:<" + RECIPIENT + ">");
                long t2 = System.nanoTime();
                command(out, in, "DATA");
                long t3 = System.nanoTime();
                out.write(message);
                out.flush();
                reply(in, "end of data");
                long t4 = System.nanoTime();
                if (i >= warmup) {
                    int k = i - warmup;
                    took[0][k] = t1 - t0;
                    took[1][k] = t2 - t1;
                    took[2][k] = t3 - t2;
                    took[3][k] = t4 - t3;
                    took[4][k] = t4 - t0;
                }
            }
            command(out, in, "QUIT");
        }
        return took;
    }

    private static byte[] message(int size) {
        StringBuilder text = new StringBuilder("From: <" + SENDER + ">\r\nTo: <" + RECIPIENT + ">\r\nSubject: Overleg\r\n\r\n");
        while (text.length() < size) {
            text.append(LINE).append("\r\n");
        }
        return text.append(".\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void command(OutputStream out, BufferedReader in, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        reply(in, line);
    }

    private static void reply(BufferedReader in, String after) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed after " + after);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (line.charAt(0) != '2' && line.charAt(0) != '3') {
            throw new IOException("refused after " + after + ": " + line);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long[] join(long[] a, long[] b) {
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** An SMTP server that accepts everything at once, like Postfix's smtp-sink: a thread per connection. */
    private static final class MinimalSink implements AutoCloseable {

        private final ServerSocket server;
        private final AtomicInteger received = new AtomicInteger();

        MinimalSink() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::accept, "probe-sink");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread t = new Thread(() -> serve(s), "probe-sink-session");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (s) {
                s.setTcpNoDelay(true);
                InputStream in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
                OutputStream out = s.getOutputStream();
                byte[] line = new byte[1024];
                send(out, "220 sink.test ESMTP");
                int length;
                while ((length = line(in, line)) >= 0) {
                    String verb = new String(line, 0, Math.min(4, length), StandardCharsets.US_ASCII).toUpperCase();
                    switch (verb) {
                        case "EHLO" -> send(out, "250-sink.test\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 104857600");
                        case "DATA" -> {
                            send(out, "354 go ahead");
                            drainData(in);
                            send(out, "250 2.0.0 Ok: queued as SINK" + received.incrementAndGet());
                        }
                        case "QUIT" -> {
                            send(out, "221 bye");
                            return;
                        }
                        default -> send(out, "250 2.0.0 Ok");
                    }
                }
            } catch (IOException e) {
                // the client went
            }
        }

        /** Reads one command line into {@code line} (cut at its size), without the line end; -1 at the end. */
        private static int line(InputStream in, byte[] line) throws IOException {
            int length = 0;
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
                }
                if (length < line.length) {
                    line[length++] = (byte) b;
                }
            }
            return length == 0 ? -1 : length;
        }

        /** Reads up to and including CRLF.CRLF, in blocks, keeping nothing. */
        private static void drainData(InputStream in) throws IOException {
            byte[] tail = {'\r', '\n', '.', '\r', '\n'};
            int matched = 2; // the DATA line's own CRLF counts as the first one
            int b;
            while ((b = in.read()) >= 0) {
                if (b == tail[matched]) {
                    matched++;
                    if (matched == tail.length) {
                        return;
                    }
                } else {
                    matched = b == '\r' ? 1 : 0;
                }
            }
            throw new IOException("connection closed in DATA");
        }

        private static void send(OutputStream out, String reply) throws IOException {
            out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}

package nl.lekwacht.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.lekwacht.support.CountingSink;
import nl.lekwacht.support.SmtpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory under load (not part of the suite; README, "Faults"): 100 sessions from four loopback
 * addresses (25 each, within the per-client limit) send a 10 MB message with a PDF, a DOCX and a
 * CSV attached at the same moment, three in ten with a BSN in one of them, to a gateway in its own
 * JVM at {@code -Xmx512m}. Every message is inspected whole (no UNINSPECTABLE finding of any kind,
 * no timeout), the BSN ones are held and the clean ones delivered, nothing runs out of memory; the
 * peak resident memory of the gateway and its parser processes is printed.
 *
 * <pre>nice mvn -B test -Dlekwacht.deb.skip=true -Dtest=HundredLargeSessionsProbe
 *   [-Dlekwacht.memory.sessions=100] [-Dlekwacht.memory.megabytes=10]</pre>
 */
class HundredLargeSessionsProbe {

    private static final int SESSIONS = Integer.getInteger("lekwacht.memory.sessions", 100);
    private static final int MEGABYTES = Integer.getInteger("lekwacht.memory.megabytes", 10);
    /** Inspection of 100 large messages at once on two cores takes minutes: the limits are raised to the maximum. */
    private static final String DETECTORS = "detectors:\n  budget: 5m\n  extraction:\n    timeout: 4m\n"
            + "    queue-wait: 5m\n";

    @TempDir
    Path data;

    @Test
    void hundredTenMegabyteSessionsAreInspectedWholeWithinHalfAGigabyteHeap() throws Exception {
        Map<LargeMessages.Kind, byte[]> bodies = new EnumMap<>(LargeMessages.Kind.class);
        for (LargeMessages.Kind kind : LargeMessages.Kind.values()) {
            bodies.put(kind, LargeMessages.body(kind, MEGABYTES));
        }
        try (CountingSink sink = new CountingSink();
             FaultGateway gateway = FaultGateway.start(data, sink.port(), DETECTORS, "-Xmx512m");
             ProcessTreeMemory memory = new ProcessTreeMemory(gateway.process().pid())) {
            Map<Integer, String> replies = new ConcurrentHashMap<>();
            Map<Integer, Long> millis = new ConcurrentHashMap<>();
            CountDownLatch ready = new CountDownLatch(SESSIONS);
            ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
            long started = System.nanoTime();
            for (int i = 0; i < SESSIONS; i++) {
                int index = i;
                pool.execute(() -> {
                    long begin = 0;
                    try (SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort(),
                            InetAddress.getByName("127.0.0." + (1 + index % 4)))) {
                        client.readTimeout(Duration.ofMinutes(15));
                        client.reply();
                        client.command("EHLO mta.test");
                        client.command("MAIL FROM:<" + RetryingMta.FROM + ">");
                        client.command("RCPT TO:<" + RetryingMta.TO + ">");
                        String go = client.command("DATA");
                        ready.countDown();
                        if (!go.startsWith("354")) {
                            replies.put(index, go);
                            return;
                        }
                        ready.await(5, TimeUnit.MINUTES);
                        begin = System.nanoTime();
                        client.send(LargeMessages.header(index, id(index)));
                        client.sendBytes(bodies.get(LargeMessages.kindOf(index)));
                        client.send(".\r\n");
                        replies.put(index, client.reply());
                        millis.put(index, (System.nanoTime() - begin) / 1_000_000);
                        client.command("QUIT");
                    } catch (Exception e) {
                        ready.countDown();
                        replies.putIfAbsent(index, "broken: " + e);
                    }
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.MINUTES)).as("every session ended").isTrue();
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            String log = gateway.log();
            String holds = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + gateway.webPort() + "/api/holds")).header("Authorization", "Bearer " + FaultGateway.TOKEN)
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();

            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                String reply = replies.getOrDefault(i, "<none>");
                boolean bsn = LargeMessages.kindOf(i) != LargeMessages.Kind.CLEAN;
                if (bsn && !reply.startsWith("250 2.6.0 Held")) {
                    wrong.add(i + " " + LargeMessages.kindOf(i) + " not held: " + reply);
                } else if (!bsn && (!reply.startsWith("250") || reply.contains("Held"))) {
                    wrong.add(i + " clean not delivered: " + reply);
                } else if (!bsn) {
                    String verdict = sink.arrival(id(i)).map(CountingSink.Arrival::verdict).orElse("<not arrived>");
                    if (!verdict.startsWith("DELIVER") || verdict.contains("UNINSPECTABLE")) {
                        wrong.add(i + " clean arrived as " + verdict);
                    }
                }
            }
            List<Long> times = millis.values().stream().sorted().toList();
            System.out.printf("memory run: %d sessions x %d MB, %d s; held %d, delivered %d, wrong %d; "
                            + "reply after end of data p50 %d ms, max %d ms; peak RSS gateway + parser processes "
                            + "(sampled sum) %d MB, gateway VmHWM %d MB, sum of VmHWM of the live tree %d MB%n",
                    SESSIONS, MEGABYTES, seconds, count(holds, "\"status\":\"PENDING\""), sink.arrivals().size(),
                    wrong.size(), times.isEmpty() ? -1 : times.get(times.size() / 2),
                    times.isEmpty() ? -1 : times.get(times.size() - 1), memory.peakSampledMb(),
                    memory.rootHighWaterMb(), memory.highWaterMb());
            wrong.stream().limit(20).forEach(w -> System.out.println("  " + w));
            assertThat(wrong).as("every message answered as its content asks").isEmpty();
            assertThat(log).as("no memory error").doesNotContain("OutOfMemoryError");
            assertThat(log).as("every attachment inspected whole").doesNotContain("finding=UNINSPECTABLE_ATTACHMENT")
                    .doesNotContain("reason=TIMEOUT");
            assertThat(holds).as("held for the BSN only").doesNotContain("UNINSPECTABLE");
            assertThat(gateway.process().isAlive()).isTrue();
        }
    }

    private static String id(int index) {
        return "memory-" + index + "@fault.test";
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}

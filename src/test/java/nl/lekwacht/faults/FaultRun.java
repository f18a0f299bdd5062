package nl.lekwacht.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.lekwacht.support.Bsns;
import nl.lekwacht.support.CountingSink;

/**
 * One fault run: the retrying client sends {@code messages} messages (one in ten with a BSN) through
 * the gateway to the sink; once a third are accepted the fault begins, and it ends once it has shown
 * itself ({@code proof} temporary failures). Afterwards every pending hold is released, the sink is
 * waited for, and the row is counted from the client's answers and the sink's arrivals.
 */
final class FaultRun {

    /** A fault: how it begins, how it ends, and whether its proof is a 4xx answer or any temporary failure. */
    interface Fault {
        void begin() throws Exception;

        void end() throws Exception;

        /** True when the fault must be seen as 4xx answers; false when broken connections count too. */
        default boolean answersWith4xx() {
            return true;
        }
    }

    /** How many messages and sessions; whether holds are released while the run goes on. */
    record Settings(int messages, int sessions, boolean releaseDuringRun) {

        /** The message count of {@code -Dlekwacht.faults.messages} (default {@code small}). */
        static Settings of(int small, boolean releaseDuringRun) {
            return new Settings(Integer.getInteger("lekwacht.faults.messages", small), 8, releaseDuringRun);
        }

        /** Hang detectors grow with the run; a healthy run stays far below them. */
        Duration deadline() {
            return Duration.ofMinutes(5).plusMillis(messages * 200L);
        }
    }

    private static final AtomicInteger RUNS = new AtomicInteger();

    private FaultRun() {
    }

    static FaultRow run(String name, Settings settings, CountingSink sink, FaultGateway gateway, Fault fault)
            throws Exception {
        try {
            return runOrExplain(name, settings, sink, gateway, fault);
        } catch (Exception | AssertionError e) {
            java.nio.file.Path kept = gateway.keepLogs(java.nio.file.Path.of("target", "fault-logs"));
            System.out.println(name + " failed; the gateway's output is kept in " + kept);
            throw e;
        }
    }

    private static FaultRow runOrExplain(String name, Settings settings, CountingSink sink, FaultGateway gateway,
                                         Fault fault) throws Exception {
        long started = System.nanoTime();
        List<RetryingMta.Outgoing> messages = messages(settings.messages());
        FaultLog log = new FaultLog();
        HoldRelease release = new HoldRelease(gateway.webPort());
        AtomicBoolean sending = new AtomicBoolean(true);
        List<Throwable> driverProblems = new ArrayList<>();
        Thread driver = new Thread(() -> {
            try {
                if (!log.awaitAccepted(settings.messages() / 3, settings.deadline())) {
                    throw new AssertionError("a third of the messages were never accepted before the fault");
                }
                log.faultBegins();
                fault.begin();
                Duration limit = Duration.ofMinutes(3);
                int needed = Math.min(10, Math.max(3, settings.messages() / 100));
                boolean shown = fault.answersWith4xx() ? log.awaitFourXxDuringFault(needed, limit)
                        : log.awaitFailuresDuringFault(needed, limit);
                fault.end();
                log.faultEnds();
                if (!shown) {
                    System.out.println(name + ": the fault did not show itself within " + limit);
                }
            } catch (Throwable e) {
                driverProblems.add(e);
                log.faultEnds();
            }
        }, "fault-driver");
        Thread releaser = new Thread(() -> {
            int step = Math.max(10, settings.messages() / 20);
            for (int next = step; sending.get(); next += step) {
                try {
                    log.awaitAccepted(next, Duration.ofSeconds(30));
                    release.releasePending();
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // the store or the gateway may be down: a later round releases what this one could not
                }
            }
        }, "fault-releaser");
        driver.start();
        if (settings.releaseDuringRun()) {
            releaser.start();
        }
        new RetryingMta(gateway::smtpPort, messages, settings.sessions(), log, Duration.ofSeconds(1),
                RetryingMta.loopback(2)).sendAll(settings.deadline());
        sending.set(false);
        releaser.interrupt();
        releaser.join();
        driver.join();
        if (!driverProblems.isEmpty()) {
            throw new AssertionError("the fault could not be driven", driverProblems.get(0));
        }
        release.releaseAll(Math.max(20, settings.messages() / 50));

        Set<String> accepted = new HashSet<>(log.answered());
        accepted.removeIf(id -> log.refusedPermanently().stream().anyMatch(r -> r.startsWith(id + " ")));
        sink.awaitAll(accepted, Duration.ofMinutes(2).plusMillis(settings.messages() * 20L));
        FaultRow row = count(name, messages, log, sink, started);
        System.out.println(name + ": temporary failures during the fault: " + log.answersDuringFault());
        return row;
    }

    private static FaultRow count(String name, List<RetryingMta.Outgoing> messages, FaultLog log, CountingSink sink,
                                  long started) {
        Map<String, CountingSink.Arrival> arrivals = sink.arrivals();
        Set<String> answered = log.answered();
        Set<String> refused = new HashSet<>();
        log.refusedPermanently().forEach(r -> refused.add(r.substring(0, r.indexOf(' '))));
        Set<String> failedAtEnd = log.failedAtEndOfData();
        Set<String> held = log.held();
        int delivered = 0;
        int lost = 0;
        int duplicated = 0;
        int released = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        List<String> leaks = new ArrayList<>(log.bsnAcceptedAsDelivered());
        List<String> unanswered = new ArrayList<>();
        for (RetryingMta.Outgoing m : messages) {
            CountingSink.Arrival arrival = arrivals.get(m.messageId());
            if (!answered.contains(m.messageId())) {
                unanswered.add(m.messageId());
            }
            if (arrival != null) {
                delivered++;
                if (held.contains(m.messageId()) && arrival.verdict().startsWith("HOLD")) {
                    released++;
                }
                if (m.bsn() && !arrival.verdict().startsWith("HOLD")) {
                    leaks.add(m.messageId() + " arrived as " + arrival.verdict());
                }
                if (arrival.copies() > 1) {
                    duplicated += arrival.copies() - 1;
                    String reason = failedAtEnd.contains(m.messageId())
                            ? "answer lost at the end of data, the client sent it again"
                            : held.contains(m.messageId()) ? "release sent again after a crash or store outage "
                            + "between the next hop's 250 and marking the job done" : "unexplained";
                    reasons.merge(reason, arrival.copies() - 1, Integer::sum);
                }
            } else if (answered.contains(m.messageId()) && !refused.contains(m.messageId())) {
                lost++;
            }
        }
        return new FaultRow(name, messages.size(), log.accepted(), delivered, held.size(), released,
                log.temporary4xx(), log.broken(), refused.size(), lost, duplicated, reasons, log.duringFault4xx(),
                log.duringFaultBroken(), leaks, unanswered, (System.nanoTime() - started) / 1_000_000_000L);
    }

    /** Unique Message-IDs per run; every tenth message carries a synthetic valid BSN. */
    static List<RetryingMta.Outgoing> messages(int count) {
        int run = RUNS.incrementAndGet();
        String stamp = Long.toString(System.currentTimeMillis(), 36) + "." + run;
        List<RetryingMta.Outgoing> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean bsn = i % 10 == 5;
            String id = stamp + "." + i + "@fault.test";
            out.add(new RetryingMta.Outgoing(i, id, bsn, text(i, id, bsn)));
        }
        return out;
    }

    private static String text(int i, String id, boolean bsn) {
        StringBuilder body = new StringBuilder();
        body.append("Beste Bob,\r\n\r\n");
        if (bsn) {
            body.append("Hierbij de gegevens van de aanvrager, BSN ").append(Bsns.valid(1000 + i)).append(".\r\n\r\n");
        }
        String line = "Dit is een gewoon bericht over de planning van de werkzaamheden in de wijk, zonder nummers.\r\n";
        while (body.length() < 6000) {
            body.append(line);
        }
        body.append("\r\nGroet, Alice\r\n");
        return "From: Alice <" + RetryingMta.FROM + ">\r\nTo: <" + RetryingMta.TO + ">\r\nSubject: Storingstest "
                + (i + 1) + "\r\nMessage-ID: <" + id + ">\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + body;
    }
}

package nl.lekwacht.bench;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import nl.lekwacht.inspect.Detector;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.content.BsnSettings;
import nl.lekwacht.inspect.content.ContentDetectors;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.MessageHeaders;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.message.TextPart;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * BSN detection over 1,000,000 bytes of ASCII text on one core, the whole detector (scan, checksum,
 * keyword and label look-up, finding). One operation is one byte, in microseconds, so the score reads
 * directly as MB/s (10^6 bytes a second).
 *
 * <ul>
 *   <li>{@code letter}: Dutch prose with dates, amounts, phone, KvK and btw numbers and, every few
 *       kilobytes, a BSN next to its keyword: the common case;</li>
 *   <li>{@code numbers}: a tab-separated sheet where every row holds a BSN, a customer number and a
 *       date: the worst case, candidates everywhere.</li>
 * </ul>
 *
 * Run: {@code mvn -B -Pbench -DbuildDir=target-bench test-compile exec:exec -Dbench=BsnScanBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class BsnScanBenchmark {

    static final int SIZE = 1_000_000;

    private static final String[] SENTENCES = {
        "Naar aanleiding van ons telefoongesprek van 12-03-2024 stuur ik u hierbij de gevraagde gegevens. ",
        "Het bedrag van EUR 1.250,00 wordt binnen 30 dagen overgemaakt op rekening NL91 ABNA 0417 1643 00. ",
        "U kunt ons bereiken op +31 6 12345678 of 020-1234567, op werkdagen tussen 9.00 en 17.00 uur. ",
        "De termijn voor bezwaar is zes weken na de dag van verzending van dit besluit (zaak 2024-0815). ",
        "Kamer 3.14 is gereserveerd; parkeren kan aan de Stationsweg 12, 1234 AB Voorbeeldstad. ",
        "Met vriendelijke groet, Team Werk en Inkomen, KvK 12345678, btw NL123456782B01. ",
        "Het college heeft besloten het beleid voor 2025 ongewijzigd voort te zetten. ",
    };

    @Param({"letter", "numbers"})
    public String text;

    private Detector detector;
    private OutboundMessage message;

    @Setup
    public void setUp() throws Exception {
        Random random = new Random(42);
        StringBuilder b = new StringBuilder(SIZE + 200);
        boolean sheet = text.equals("numbers");
        if (sheet) {
            b.append("Naam\tKlantnummer\tBSN\tGeboortedatum\n");
        }
        while (b.length() < SIZE) {
            if (sheet) {
                b.append("Persoon ").append(random.nextInt(1000)).append('\t').append(100_000_000 + random.nextInt(899_999_999))
                        .append('\t').append(bsn(random)).append('\t').append(1 + random.nextInt(28)).append("-0")
                        .append(1 + random.nextInt(9)).append("-19").append(10 + random.nextInt(89)).append('\n');
            } else {
                b.append(SENTENCES[random.nextInt(SENTENCES.length)]);
                if (random.nextInt(40) == 0) {
                    b.append("Het BSN van de aanvrager is ").append(bsn(random)).append(". ");
                }
            }
        }
        b.setLength(SIZE);
        detector = ContentDetectors.bsn(BsnSettings.defaults());
        message = new OutboundMessage(new Envelope("bench", "a@gemeente.example", List.of("b@partner.example"),
                InetAddress.getLoopbackAddress(), "bench", Optional.empty(), Instant.EPOCH), MessageHeaders.empty(),
                SIZE, List.of(new TextPart("1", "body", b.toString(), sheet)), List.of(), List.of());
    }

    @Benchmark
    @OperationsPerInvocation(SIZE)
    public List<Finding> detectBsns() {
        return detector.inspect(message);
    }

    static String bsn(Random random) {
        while (true) {
            int[] d = new int[9];
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                d[i] = i == 0 ? 1 + random.nextInt(9) : random.nextInt(10);
                sum += (9 - i) * d[i];
            }
            if (sum % 11 == 10) {
                continue;
            }
            d[8] = sum % 11;
            StringBuilder s = new StringBuilder();
            for (int x : d) {
                s.append(x);
            }
            return s.toString();
        }
    }
}

package nl.lekwacht.bench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import nl.lekwacht.ContentCorpusChain;
import nl.lekwacht.flow.Screened;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A plain-text or CSV attachment end to end, as the gateway screens a message: MIME parsing and base64
 * decoding from the spool, text extraction (wherever the chain does it), text normalisation and every
 * detector, the policy. One operation is one byte of the attachment, in microseconds, so the score reads
 * as MB/s (10^6 bytes a second) of attachment.
 *
 * <ul>
 *   <li>{@code txt}: 10 MB of letter-like Dutch text with a BSN and its keyword every few kilobytes;</li>
 *   <li>{@code csv}: a 10 MB semicolon-separated export: name, customer number, BSN, date of birth.</li>
 * </ul>
 *
 * Target (issue 16): at least 100 MB/s. Run:
 * {@code mvn -B -Pbench -DbuildDir=target-bench test-compile exec:exec -Dbench=TextAttachmentBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@Threads(1)
public class TextAttachmentBenchmark {

    static final int SIZE = 10_000_000;

    private static final String[] SENTENCES = {
        "Naar aanleiding van ons telefoongesprek van 12-03-2024 stuur ik u hierbij de gevraagde gegevens. ",
        "Het bedrag van EUR 1.250,00 wordt binnen 30 dagen overgemaakt op rekening NL91 ABNA 0417 1643 00. ",
        "U kunt ons bereiken op +31 6 12345678 of 020-1234567, op werkdagen tussen 9.00 en 17.00 uur.\n",
        "De termijn voor bezwaar is zes weken na de dag van verzending van dit besluit (zaak 2024-0815). ",
        "Kamer 3.14 is gereserveerd; parkeren kan aan de Stationsweg 12, 1234 AB Voorbeeldstad.\n",
        "Met vriendelijke groet, Team Werk en Inkomen, KvK 12345678, btw NL123456782B01.\n",
        "Het college heeft besloten het beleid voor 2025 ongewijzigd voort te zetten. ",
    };

    @Param({"txt", "csv"})
    public String format;

    private ContentCorpusChain chain;
    private byte[] eml;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(7);
        StringBuilder b = new StringBuilder(SIZE + 200);
        boolean csv = format.equals("csv");
        if (csv) {
            b.append("Naam;Klantnummer;BSN;Geboortedatum\n");
        }
        while (b.length() < SIZE) {
            if (csv) {
                b.append("Persoon ").append(random.nextInt(1000)).append(';').append(100_000_000 + random.nextInt(899_999_999))
                        .append(';').append(BsnScanBenchmark.bsn(random)).append(';').append(1 + random.nextInt(28))
                        .append("-0").append(1 + random.nextInt(9)).append("-19").append(10 + random.nextInt(89)).append('\n');
            } else {
                b.append(SENTENCES[random.nextInt(SENTENCES.length)]);
                if (random.nextInt(40) == 0) {
                    b.append("Het BSN van de aanvrager is ").append(BsnScanBenchmark.bsn(random)).append(". ");
                }
            }
        }
        b.setLength(SIZE);
        String name = csv ? "export.csv" : "verslag.txt";
        String type = csv ? "text/csv" : "text/plain";
        eml = ("From: medewerker@gemeente.example\r\nTo: ontvanger@partner.example\r\nSubject: Stukken\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nZie bijlage.\r\n"
                + "--b\r\nContent-Type: " + type + "; charset=UTF-8; name=\"" + name + "\"\r\n"
                + "Content-Disposition: attachment; filename=\"" + name + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(b.toString().getBytes(StandardCharsets.UTF_8))
                + "\r\n--b--\r\n").getBytes(StandardCharsets.US_ASCII);
        chain = ContentCorpusChain.start("detectors:\n  extraction:\n    timeout: 60s\n");
        Screened first = chain.screen(eml);
        System.out.println(name + ": " + SIZE + " bytes, findings " + first.verdict().findings().stream()
                .map(f -> f.code() + "x" + f.count()).toList());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        chain.close();
    }

    @Benchmark
    @OperationsPerInvocation(SIZE)
    public Screened screen() {
        return chain.screen(eml);
    }
}

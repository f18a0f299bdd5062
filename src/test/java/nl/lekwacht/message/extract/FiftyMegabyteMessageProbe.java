package nl.lekwacht.message.extract;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.MessageParser;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.message.TextPart;
import nl.lekwacht.message.spool.Spool;
import nl.lekwacht.message.spool.SpoolDirectory;
import nl.lekwacht.message.spool.SpoolWriter;

/**
 * Run by {@link LargeMessageMemoryTest} in a JVM of its own with a small heap: spools one message the
 * way the relay does, parses it and extracts its attachments with the default budgets, and prints what
 * it found on one line.
 */
final class FiftyMegabyteMessageProbe {

    private FiftyMegabyteMessageProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path eml = Path.of(args[0]);
        SpoolDirectory spools = new SpoolDirectory(Path.of(args[1]), 1024 * 1024);
        SpoolWriter writer = spools.newWriter();
        try (InputStream in = Files.newInputStream(eml); OutputStream out = writer) {
            in.transferTo(out);
        }
        try (Spool spool = writer.finish();
             TikaContentExtractor extractor = new TikaContentExtractor(
                     // a memory probe: a busy machine must not turn a slow read into a TIMEOUT
                     ExtractionSettings.defaults().withTimeout(Duration.ofMinutes(2)))) {
            Envelope envelope = new Envelope("probe", "medewerker@gemeente.example", List.of("burger@example.org"),
                    InetAddress.getLoopbackAddress(), "probe", Optional.empty(), Instant.now());
            OutboundMessage parsed = new MessageParser(1_000_000, 1000).parse(spool, envelope);
            OutboundMessage extracted = extractor.extract(parsed);
            long rows = extracted.texts().stream().filter(TextPart::tabular)
                    .mapToLong(t -> t.text().lines().count()).sum();
            long chars = extracted.texts().stream().mapToLong(t -> t.text().length()).sum();
            Runtime runtime = Runtime.getRuntime();
            System.out.println("size=" + spool.size() + " attachments=" + parsed.attachments().size() + " rows=" + rows
                    + " chars=" + chars + " problems=" + extracted.problems() + " maxHeap=" + runtime.maxMemory()
                    + " usedHeap=" + (runtime.totalMemory() - runtime.freeMemory()));
        }
    }
}

package nl.lekwacht.message.extract;

import static nl.lekwacht.message.extract.TestMessages.fixture;
import static nl.lekwacht.message.extract.TestMessages.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.inspect.content.UninspectableAttachmentDetector;
import nl.lekwacht.message.ExtractionProblem;
import nl.lekwacht.message.ExtractionProblem.Reason;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.message.TextPart;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The budgets: bombs and oversized archives are refused as too large, a parse that never ends is killed
 * (its process gone) and reported as a timeout, and other mail is extracted meanwhile. The time budget is
 * one second only for the timeout tests; the size tests get a generous one, so that on a busy machine a
 * slow but finite read can never turn their TOO_LARGE into a TIMEOUT.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ExtractionBudgetTest {

    private static final long MB = 1024L * 1024;
    private static TikaContentExtractor extractor;
    private static TikaContentExtractor unhurried;

    @TempDir
    static Path temp;

    @BeforeAll
    static void startPool() {
        extractor = new TikaContentExtractor(ExtractionSettings.defaults().withTimeout(Duration.ofSeconds(1))
                .withPrestart(true));
        unhurried = new TikaContentExtractor(ExtractionSettings.defaults().withTimeout(Duration.ofMinutes(2)));
    }

    /**
     * Runs ordinary mail through every process of the pool, so that the one-second budget measures
     * warm processes (a process that replaced a killed one is warmed up here too).
     */
    private static void warmPool() {
        for (int i = 0; i < 6; i++) {
            extractor.extract(with(fixture("document.docx"), fixture("sheet.csv")));
        }
    }

    @AfterAll
    static void stopPool() {
        extractor.close();
        unhurried.close();
    }

    @Test
    void reportsZipBombAsTooLarge() throws IOException {
        Path bomb = zip("bomb.zip", 64, (int) (64 * MB), 0); // 4 GB of zeros

        OutboundMessage result = unhurried.extract(with(TestMessages.file(bomb)));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).startsWith("attachment:bomb.zip");
            assertThat(p.reason()).isEqualTo(Reason.TOO_LARGE);
        });
        assertThat(new UninspectableAttachmentDetector().inspect(result)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.UNINSPECTABLE_ATTACHMENT);
            assertThat(f.details()).containsEntry("reason", "too-large");
        });
    }

    @Test
    void reportsSmallArchiveWithExtremeCompressionRatioAsTooLarge() throws IOException {
        Path bomb = zip("klein.zip", 3, (int) (16 * MB), 0); // 48 MB from about 50 KB

        OutboundMessage result = unhurried.extract(with(TestMessages.file(bomb)));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).startsWith("attachment:klein.zip");
            assertThat(p.reason()).isEqualTo(Reason.TOO_LARGE);
            assertThat(p.detail()).contains("compression ratio");
        });
    }

    @Test
    void reportsArchiveUnpackingTo200MegabytesAsTooLarge() throws IOException {
        Path archive = zip("groot.zip", 20, (int) (10 * MB), 16);
        assertThat(Files.size(archive) * 100).as("not a bomb: below the ratio limit").isGreaterThan(200 * MB);

        OutboundMessage result = unhurried.extract(with(TestMessages.file(archive)));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).startsWith("attachment:groot.zip");
            assertThat(p.reason()).isEqualTo(Reason.TOO_LARGE);
            assertThat(p.detail()).contains("unpacked size");
        });
    }

    @Test
    void killsParserThatNeverFinishesAndReplacesItsProcess() {
        warmPool();
        List<Long> before = extractor.processIds();

        OutboundMessage result = extractor.extract(with(TestMessages.fixture("document.docx"),
                TestMessages.bytes("vastloper.bin", NeverEndingParser.CONTENT), fixture("sheet.csv")));

        assertThat(result.problems()).extracting(ExtractionProblem::where, ExtractionProblem::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("attachment:vastloper.bin", Reason.TIMEOUT),
                        org.assertj.core.groups.Tuple.tuple("attachment:sheet.csv", Reason.TIMEOUT));
        assertThat(result.texts()).extracting(TextPart::where).contains("attachment:document.docx");
        assertThat(new UninspectableAttachmentDetector().inspect(result))
                .extracting(f -> f.evidence().get(0), f -> f.details().get("reason"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("vastloper.bin", "timeout"),
                        org.assertj.core.groups.Tuple.tuple("sheet.csv", "timeout"));
        List<Long> killed = new ArrayList<>(before);
        killed.removeAll(extractor.processIds());
        assertThat(killed).hasSize(1);
        assertThat(ProcessHandle.of(killed.get(0)).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(extractor.processIds()).hasSize(2);
    }

    @Test
    void reportsAPdfThatDoesNotFinishWithinTheBudgetAsTimeoutAndKillsItsProcess() throws IOException {
        warmPool();
        List<Long> before = extractor.processIds();
        Path pdf = EndlessPdf.write(temp.resolve("eindeloos.pdf"), 5_000, 50_000);
        assertThat(Files.size(pdf)).as("small on disk").isLessThan(2 * MB);

        OutboundMessage result = extractor.extract(with(TestMessages.file(pdf)));

        assertThat(result.problems()).extracting(ExtractionProblem::where, ExtractionProblem::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("attachment:eindeloos.pdf", Reason.TIMEOUT));
        List<Long> killed = new ArrayList<>(before);
        killed.removeAll(extractor.processIds());
        assertThat(killed).hasSize(1);
        assertThat(ProcessHandle.of(killed.get(0)).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }

    @Test
    void extractsCleanMailWhileAnotherParseHangs() throws Exception {
        warmPool();
        CompletableFuture<OutboundMessage> stuck = CompletableFuture.supplyAsync(() ->
                extractor.extract(with(TestMessages.bytes("vastloper.bin", NeverEndingParser.CONTENT))));

        List<OutboundMessage> clean = new ArrayList<>();
        do {
            clean.add(extractor.extract(with(fixture("document.docx"))));
        } while (!stuck.isDone() && clean.size() < 50);

        assertThat(clean).allSatisfy(m -> {
            assertThat(m.problems()).isEmpty();
            assertThat(m.texts()).extracting(TextPart::where).contains("attachment:document.docx");
        });
        assertThat(stuck.get(60, TimeUnit.SECONDS).problems()).extracting(ExtractionProblem::reason)
                .containsExactly(Reason.TIMEOUT);
    }

    @Test
    void reportsAttachmentOverTheSizeLimitWithoutParsingIt() throws IOException {
        ExtractionSettings d = ExtractionSettings.defaults();
        ExtractionSettings small = new ExtractionSettings(64 * 1024, 2000, d.maxDepth(), d.maxCompressionRatio(),
                d.maxUnpackedSize(), Duration.ofSeconds(20), 1, d.childHeap(), d.queueWait(), d.recycleAfter(), false);
        Path big = temp.resolve("groot.csv");
        StringBuilder csv = new StringBuilder("Naam;Nummer\n");
        for (int i = 0; csv.length() < 100 * 1024; i++) {
            csv.append("Persoon ").append(i).append(';').append(100000 + i).append('\n');
        }
        Files.writeString(big, csv);
        Path medium = temp.resolve("middel.csv");
        Files.writeString(medium, csv.substring(0, 10_000));

        try (TikaContentExtractor limited = new TikaContentExtractor(small)) {
            OutboundMessage result = limited.extract(with(TestMessages.file(big), TestMessages.file(medium)));

            assertThat(result.problems()).extracting(ExtractionProblem::where, ExtractionProblem::reason)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("attachment:groot.csv", Reason.TOO_LARGE),
                            org.assertj.core.groups.Tuple.tuple("attachment:middel.csv", Reason.TOO_LARGE));
            TextPart partial = result.texts().stream().filter(t -> t.where().equals("attachment:middel.csv"))
                    .findFirst().orElseThrow();
            assertThat(partial.text()).startsWith("Naam\tNummer\n").hasSizeLessThanOrEqualTo(2000);
        }
    }

    /**
     * A ZIP of {@code entries} files of {@code size} bytes: zeros, with a random byte about every
     * {@code sparsity} bytes (none when 0). The file is deflated once and its compressed form repeated, so
     * that even a bomb of gigabytes is made in a moment.
     */
    private static Path zip(String name, int entries, int size, int sparsity) throws IOException {
        byte[] content = new byte[size];
        if (sparsity > 0) {
            Random random = new Random(42);
            for (int i = 0; i < content.length; i += 1 + random.nextInt(sparsity * 2)) {
                content[i] = (byte) (1 + random.nextInt(255));
            }
        }
        CRC32 crc = new CRC32();
        crc.update(content);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (!deflater.finished()) {
            deflated.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        byte[] raw = deflated.toByteArray();
        Path file = temp.resolve(name);
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file.toFile())) {
            for (int e = 0; e < entries; e++) {
                ZipArchiveEntry entry = new ZipArchiveEntry("deel-" + e + ".bin");
                entry.setMethod(ZipArchiveEntry.DEFLATED);
                entry.setSize(size);
                entry.setCompressedSize(raw.length);
                entry.setCrc(crc.getValue());
                zip.addRawArchiveEntry(entry, new ByteArrayInputStream(raw));
            }
        }
        return file;
    }
}

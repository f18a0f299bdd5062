package nl.lekwacht.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the fixture corpus: one {@code NAME.eml} and one {@code NAME.expect} (the ground truth, see
 * {@link Expectation}) per scenario. Everything random comes from the seed, so a seed always yields
 * the same scenarios, numbers and texts (the office files differ only in their own timestamps).
 *
 * <p>Run from the project folder (needs LibreOffice, qpdf and zip: Debian packages
 * {@code libreoffice-writer libreoffice-calc qpdf zip}):
 *
 * <pre>
 * mvn -q -B test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=nl.lekwacht.corpus.CorpusGenerator \
 *     -Dexec.args="--seed 1 --variants 1 --out src/test/resources/messages"
 * </pre>
 *
 * The committed corpus is seed 1 with one variant per scenario ({@code messages/}, asserted exactly
 * by {@code CorpusTest}) and seed 2 with two variants ({@code messages-seed2/}, measured by
 * {@code CorpusQualityReport}). With {@code --body-only} only the scenarios that need no outside
 * program are written.
 */
public final class CorpusGenerator {

    /** One message and what it must and must not produce. */
    record Scenario(String name, EmlWriter message, Expectation expectation) {
    }

    static final ZonedDateTime DATE = ZonedDateTime.of(2025, 3, 4, 9, 30, 0, 0, ZoneOffset.ofHours(1));

    private CorpusGenerator() {
    }

    public static void main(String[] args) throws IOException {
        long seed = 1;
        int variants = 1;
        boolean bodyOnly = false;
        Path out = Path.of("src/test/resources/messages");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--variants" -> variants = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--body-only" -> bodyOnly = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        int written = generate(seed, variants, bodyOnly, out);
        System.out.println("wrote " + written + " scenarios to " + out + " (seed " + seed + ")");
    }

    static int generate(long seed, int variants, boolean bodyOnly, Path out) throws IOException {
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("corpus-gen");
        try {
            int written = 0;
            for (int v = 1; v <= variants; v++) {
                FakeData data = new FakeData(seed * 1000 + v);
                List<Scenario> scenarios = new ArrayList<>(new BodyScenarios(data).all());
                if (!bodyOnly) {
                    scenarios.addAll(new AttachmentScenarios(data, new OfficeFiles(work)).all());
                }
                for (Scenario s : scenarios) {
                    String name = variants == 1 ? s.name() : s.name() + "-v" + v;
                    byte[] eml = s.message().bytes(name + "." + seed, DATE);
                    Files.write(out.resolve(name + ".eml"), eml);
                    s.expectation().write(out.resolve(name + ".expect"));
                    written++;
                }
            }
            return written;
        } finally {
            deleteTree(work);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

package nl.lekwacht.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Generates content corpus B: messages with and without BSNs, written independently of the
 * detectors, split at random (by seed) into dev/ and holdout/, with manifest.csv.
 *
 * <p>Run from the repository root (needs LibreOffice's {@code soffice} and {@code python3}):
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=nl.lekwacht.evaluation.ContentCorpusB [-Dexec.args="--seed 20250612"]}.
 */
public final class ContentCorpusB {

    static final long DEFAULT_SEED = 20250612L;
    static final String HEADER = "file,split,kind,label,category,distinct_bsns,bsns,expect_present,expect_absent,scan,notes";
    static final String[] VARIANTS = {"clean", "skew", "noise", "lowres"};

    private ContentCorpusB() {
    }

    public static void main(String[] args) throws Exception {
        long seed = DEFAULT_SEED;
        Path out = Path.of("src/test/resources/evaluation/content-b");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("corpus-b-");
        LibreOffice office = new LibreOffice(work.resolve("office"));
        PythonTools python = new PythonTools(out.resolve("tools"), work.resolve("python"));
        Kit kit = new Kit(seed, office, python);

        List<Kit.Case> cases = new ArrayList<>();
        new PositiveTextCases(kit).addTo(cases);
        new PositiveDocumentCases(kit).addTo(cases);
        new HardNegativeCases(kit).addTo(cases);
        new OrdinaryCases(kit).addTo(cases);
        List<ScanSources.Source> sources = new ScanSources(kit).make();
        office.convertAll();

        clean(out);
        Random splitter = new Random(seed ^ 0x5EED5EEDL);
        Map<Kit.Case, String> split = splitByCategory(cases, splitter);
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            numbers.add(i + 1);
        }
        Collections.shuffle(numbers, new Random(seed + 2));
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Kit.Case c = cases.get(i);
            String file = split.get(c) + "/m" + String.format("%04d", numbers.get(i)) + ".eml";
            Path target = out.resolve(file);
            Files.createDirectories(target.getParent());
            Files.write(target, c.eml().get());
            rows.add(row(file, split.get(c), "text", c.label(), c.category(), c.bsns(), c.present(), c.absent(), "",
                    c.notes()));
        }
        scanRows(sources, splitter, out, rows);
        rows.sort(Comparator.naturalOrder());
        Files.writeString(out.resolve("manifest.csv"), HEADER + "\n" + String.join("\n", rows) + "\n",
                StandardCharsets.UTF_8);
        System.out.println("content corpus B: " + rows.size() + " manifest rows written to " + out);
    }

    private static void scanRows(List<ScanSources.Source> sources, Random splitter, Path out, List<String> rows)
            throws IOException {
        List<ScanSources.Source> pos = new ArrayList<>(sources.stream().filter(s -> !s.bsns().isEmpty()).toList());
        List<ScanSources.Source> neg = new ArrayList<>(sources.stream().filter(s -> s.bsns().isEmpty()).toList());
        Collections.shuffle(pos, splitter);
        Collections.shuffle(neg, splitter);
        int form = 0;
        for (List<ScanSources.Source> group : List.of(pos, neg)) {
            for (int i = 0; i < group.size(); i++) {
                ScanSources.Source s = group.get(i);
                String split = i < group.size() / 2 ? "dev" : "holdout";
                String file = split + "/scan-sources/" + s.name() + ".pdf";
                Files.createDirectories(out.resolve(file).getParent());
                Files.write(out.resolve(file), s.pdf().get());
                for (int v = 0; v < VARIANTS.length; v++) {
                    String category = ScanMaker.FORMS.get((form + v) % ScanMaker.FORMS.size());
                    boolean positive = !s.bsns().isEmpty();
                    rows.add(row(file, split, "scan", positive ? "positive" : "hard-negative", category, s.bsns(),
                            positive ? "BSN" : "", positive ? "" : "BSN", VARIANTS[v], s.what() + "; " + s.pages()
                                    + (s.pages() == 1 ? " page" : " pages")));
                }
                form++;
            }
        }
    }

    private static Map<Kit.Case, String> splitByCategory(List<Kit.Case> cases, Random splitter) {
        Map<String, List<Kit.Case>> byCategory = new TreeMap<>();
        for (Kit.Case c : cases) {
            byCategory.computeIfAbsent(c.label() + "/" + c.category(), k -> new ArrayList<>()).add(c);
        }
        Map<Kit.Case, String> split = new LinkedHashMap<>();
        Map<String, Boolean> extraToDev = new LinkedHashMap<>();
        for (List<Kit.Case> group : byCategory.values()) {
            List<Kit.Case> shuffled = new ArrayList<>(group);
            Collections.shuffle(shuffled, splitter);
            String label = shuffled.get(0).label();
            boolean extra = extraToDev.getOrDefault(label, splitter.nextBoolean());
            int dev = shuffled.size() / 2 + (shuffled.size() % 2 == 1 && extra ? 1 : 0);
            if (shuffled.size() % 2 == 1) {
                extraToDev.put(label, !extra);
            }
            for (int i = 0; i < shuffled.size(); i++) {
                split.put(shuffled.get(i), i < dev ? "dev" : "holdout");
            }
        }
        return split;
    }

    private static String row(String file, String split, String kind, String label, String category, List<String> bsns,
                              String present, String absent, String scan, String notes) {
        List<String> distinct = bsns.stream().distinct().toList();
        return String.join(",", file, split, kind, label, category, String.valueOf(distinct.size()),
                String.join(";", distinct), present, absent, scan, quote(notes));
    }

    static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static void clean(Path out) throws IOException {
        for (String dir : List.of("dev", "holdout")) {
            Path d = out.resolve(dir);
            if (Files.exists(d)) {
                try (Stream<Path> walk = Files.walk(d)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
        Files.deleteIfExists(out.resolve("manifest.csv"));
    }
}

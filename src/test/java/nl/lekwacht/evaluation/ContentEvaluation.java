package nl.lekwacht.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.lekwacht.ContentCorpusChain;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Scores content corpus B through the real chain (parser, parser processes with OCR, every detector,
 * the policy): BSN recall and false-positive rate for text and for scans (clean and degraded apart),
 * and count accuracy (distinct numbers per message: over all positives, and over those found). Prints a table and the misses; asserts nothing
 * about the figures, which are measured, not promised.
 *
 * <p>Runs only when asked, because the scans take minutes:
 * {@code mvn test -Dtest=ContentEvaluation -Dlekwacht.evaluation.b=dev} (or {@code holdout}; the holdout
 * half is scored once, at the end, never tuned on).
 */
class ContentEvaluation {

    static final String PROPERTY = "lekwacht.evaluation.b";
    static final Path CORPUS = Path.of("src/test/resources/evaluation/content-b");
    static final String ORGANISATION = "organisation:\n"
            + "  internal-domains: [werkplein-noordwaard.example, sociaaldomein-b.example]\n"
            + "  trusted-partner-domains: [partner.example]\n";

    @Test
    void scoresCorpusB() throws Exception {
        String split = System.getProperty(PROPERTY, "");
        Assumptions.assumeTrue(split.equals("dev") || split.equals("holdout"),
                "set -D" + PROPERTY + "=dev or holdout to score corpus B");
        List<Manifest.Row> rows = Manifest.read(CORPUS.resolve("manifest.csv")).stream()
                .filter(r -> r.get("split").equals(split)).toList();
        Score score = new Score();
        try (ContentCorpusChain chain = ContentCorpusChain.start(ORGANISATION, "")) {
            for (Manifest.Row row : rows) {
                byte[] source = Files.readAllBytes(CORPUS.resolve(row.get("file")));
                boolean scan = row.get("kind").equals("scan");
                byte[] eml = scan ? ScanMaker.eml(source, row.get("category"), row.get("scan"), row.get("file")) : source;
                long started = System.nanoTime();
                List<Finding> findings = chain.screen(eml, "medewerker@werkplein-noordwaard.example",
                        List.of("ontvanger@partner.example")).verdict().findings();
                long millis = (System.nanoTime() - started) / 1_000_000;
                score.add(row, findings, millis);
            }
        }
        String report = score.report("Content corpus B, " + split + " (" + rows.size() + " rows)");
        System.out.println(report);
        Path out = Path.of("target", "evaluation", "content-b-" + split + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** Tallies per group: text, scan clean, scan degraded (and each variant). */
    static final class Score {
        private final Map<String, Tally> groups = new TreeMap<>();
        private final List<String> misses = new ArrayList<>();

        void add(Manifest.Row row, List<Finding> findings, long millis) {
            boolean scan = row.get("kind").equals("scan");
            String label = row.get("label");
            int expected = Integer.parseInt(row.get("distinct_bsns"));
            List<Finding> bsn = findings.stream().filter(f -> f.code() == FindingCode.BSN).toList();
            int counted = bsn.stream().mapToInt(Finding::count).sum();
            boolean uninspectable = findings.stream().anyMatch(f -> f.code() == FindingCode.UNINSPECTABLE_ATTACHMENT);
            List<String> keys = new ArrayList<>();
            if (scan) {
                String variant = row.get("scan");
                keys.add(variant.equals("clean") ? "scan clean" : "scan degraded");
                keys.add("scan " + variant);
            } else {
                keys.add("text");
            }
            for (String key : keys) {
                Tally t = groups.computeIfAbsent(key, k -> new Tally());
                t.millis += millis;
                t.messages++;
                switch (label) {
                    case "positive" -> {
                        t.positives++;
                        t.found += bsn.isEmpty() ? 0 : 1;
                        t.flagged += !bsn.isEmpty() || uninspectable ? 1 : 0;
                        t.countRight += counted == expected ? 1 : 0;
                        t.numbers += expected;
                        t.numbersFound += Math.min(expected, counted);
                    }
                    case "hard-negative" -> {
                        t.hard++;
                        t.hardFlagged += bsn.isEmpty() ? 0 : 1;
                    }
                    default -> {
                        t.ordinary++;
                        t.ordinaryFlagged += bsn.isEmpty() ? 0 : 1;
                    }
                }
            }
            String what = row.get("file") + (scan ? " " + row.get("category") + "/" + row.get("scan") : "") + " ["
                    + row.get("category") + "]";
            if (label.equals("positive") && bsn.isEmpty()) {
                misses.add("  missed   " + what + (uninspectable ? " (flagged uninspectable: " + findings.stream()
                        .filter(f -> f.code() == FindingCode.UNINSPECTABLE_ATTACHMENT)
                        .map(f -> f.details().get("reason") + " " + f.details().getOrDefault("why", ""))
                        .collect(java.util.stream.Collectors.joining("; ")).strip() + ")" : ""));
            } else if (label.equals("positive") && counted != expected) {
                misses.add("  count    " + what + ": expected " + expected + ", counted " + counted);
            } else if (!label.equals("positive") && !bsn.isEmpty()) {
                misses.add("  false    " + what + ": " + bsn.get(0).where() + " " + bsn.get(0).details());
            }
        }

        String report(String title) {
            StringBuilder out = new StringBuilder("\n").append(title).append('\n');
            out.append(String.format(Locale.ROOT, "%-14s %5s %7s %7s %7s %7s %8s %7s %7s %8s%n", "group", "pos", "recall",
                    "flagged", "count", "cnt|fnd", "numbers", "FP hard", "FP ord", "ms/msg"));
            groups.forEach((k, t) -> out.append(t.row(k)).append('\n'));
            misses.sort(null);
            misses.forEach(m -> out.append(m).append('\n'));
            return out.toString();
        }
    }

    static final class Tally {
        int messages;
        long millis;
        int positives;
        int found;
        int flagged;
        int countRight;
        int numbers;
        int numbersFound;
        int hard;
        int hardFlagged;
        int ordinary;
        int ordinaryFlagged;

        String row(String name) {
            return String.format(Locale.ROOT, "%-14s %5d %7.3f %7.3f %7.3f %7.3f %8.3f %7s %7s %8d", name,
                    positives, ratio(found, positives), ratio(flagged, positives), ratio(countRight, positives),
                    ratio(countRight, found),
                    ratio(numbersFound, numbers), hardFlagged + "/" + hard, ordinaryFlagged + "/" + ordinary,
                    messages == 0 ? 0 : millis / messages);
        }

        private static double ratio(int a, int b) {
            return b == 0 ? Double.NaN : (double) a / b;
        }
    }
}

package nl.lekwacht.corpus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.lekwacht.ContentCorpusChain;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;
import org.junit.jupiter.api.Test;

/**
 * Recall and precision over the seed-2 corpus ({@code src/test/resources/messages-seed2}), which no
 * detector was tuned on: per finding code over messages, and for BSN also over the distinct numbers
 * counted per location. Prints a table; asserts nothing about the figures (they are measured, not
 * promised), only that the corpus was there to measure.
 */
class CorpusQualityReport {

    private static final class Tally {
        int tp;
        int fp;
        int fn;

        String row(String label) {
            double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
            double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
            return String.format("%-34s %6d %6d %6d %9.3f %9.3f", label, tp, fp, fn, recall, precision);
        }
    }

    @Test
    void printsRecallAndPrecisionOverTheSecondSeed() throws IOException, URISyntaxException {
        Path dir = CorpusTest.folder("messages-seed2");
        List<String> names = CorpusTest.names(dir).toList();
        Map<FindingCode, Tally> byCode = new EnumMap<>(FindingCode.class);
        Tally bsnItems = new Tally();
        StringBuilder misses = new StringBuilder();
        try (ContentCorpusChain chain = ContentCorpusChain.start("")) {
            for (String name : names) {
                Expectation expected = Expectation.read(dir.resolve(name + ".expect"));
                List<Finding> findings = chain.screen(Files.readAllBytes(dir.resolve(name + ".eml"))).verdict()
                        .findings();
                Set<FindingCode> found = CorpusCheck.codes(findings);
                for (FindingCode code : FindingCode.values()) {
                    Tally t = byCode.computeIfAbsent(code, c -> new Tally());
                    boolean want = expected.present.contains(code);
                    boolean got = found.contains(code);
                    if (want && got) {
                        t.tp++;
                    } else if (got) {
                        t.fp++;
                        misses.append("  false ").append(code).append(": ").append(name).append('\n');
                    } else if (want) {
                        t.fn++;
                        misses.append("  missed ").append(code).append(": ").append(name).append('\n');
                    }
                }
                int expectedBsns = expected.expectedCount(FindingCode.BSN);
                int foundBsns = findings.stream().filter(f -> f.code() == FindingCode.BSN).mapToInt(Finding::count).sum();
                bsnItems.tp += Math.min(expectedBsns, foundBsns);
                bsnItems.fp += Math.max(0, foundBsns - expectedBsns);
                bsnItems.fn += Math.max(0, expectedBsns - foundBsns);
                if (foundBsns != expectedBsns) {
                    misses.append("  BSN count ").append(name).append(": expected ").append(expectedBsns)
                            .append(", got ").append(foundBsns).append('\n');
                }
            }
        }
        StringBuilder table = new StringBuilder("\nCorpus quality, seed 2 (" + names.size() + " messages)\n");
        table.append(String.format("%-34s %6s %6s %6s %9s %9s%n", "measure", "TP", "FP", "FN", "recall", "precision"));
        byCode.forEach((code, t) -> {
            if (t.tp + t.fp + t.fn > 0) {
                table.append(t.row(code + " (messages)")).append('\n');
            }
        });
        table.append(bsnItems.row("BSN (distinct numbers)")).append('\n');
        table.append(misses.length() == 0 ? "  no misses\n" : misses.toString());
        System.out.println(table);
        if (names.isEmpty()) {
            throw new AssertionError("the seed-2 corpus is missing");
        }
    }
}

package nl.lekwacht.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.inspect.Severity;

/**
 * The ground truth of one corpus scenario, as the generator wrote it: which finding codes must be
 * present and which absent, how many distinct items each location holds, and what the evidence and
 * details must show. Stored beside the {@code .eml} as {@code NAME.expect}, one statement a line:
 *
 * <pre>
 * description one sentence
 * present BSN IBAN
 * absent SPECIAL_CATEGORY UNINSPECTABLE_ATTACHMENT ...
 * count BSN body 3                      (sum of counts of findings whose where starts with the prefix)
 * severity BSN body HIGH
 * evidence BSN *****6782                (a masked item that must be in the evidence)
 * category SPECIAL_CATEGORY health      (a category the finding's details must name)
 * reason attachment:x.pdf ENCRYPTED     (an uninspectable attachment and why)
 * </pre>
 */
final class Expectation {

    record Count(FindingCode code, String where, int count) {
    }

    record Level(FindingCode code, String where, Severity severity) {
    }

    record Item(FindingCode code, String value) {
    }

    record Reason(String where, String reason) {
    }

    final String name;
    String description = "";
    final Set<FindingCode> present = EnumSet.noneOf(FindingCode.class);
    final List<Count> counts = new ArrayList<>();
    final List<Level> severities = new ArrayList<>();
    final List<Item> evidence = new ArrayList<>();
    final List<Item> categories = new ArrayList<>();
    final List<Reason> reasons = new ArrayList<>();

    Expectation(String name) {
        this.name = name;
    }

    /** Every code not present is expected absent. */
    Set<FindingCode> absent() {
        Set<FindingCode> absent = EnumSet.allOf(FindingCode.class);
        absent.removeAll(present);
        return absent;
    }

    Expectation describe(String text) {
        description = text;
        return this;
    }

    Expectation count(FindingCode code, String where, int count) {
        present.add(code);
        counts.add(new Count(code, where, count));
        return this;
    }

    Expectation severity(FindingCode code, String where, Severity severity) {
        severities.add(new Level(code, where, severity));
        return this;
    }

    Expectation evidence(FindingCode code, String masked) {
        evidence.add(new Item(code, masked));
        return this;
    }

    Expectation category(String category) {
        present.add(FindingCode.SPECIAL_CATEGORY);
        categories.add(new Item(FindingCode.SPECIAL_CATEGORY, category));
        return this;
    }

    Expectation uninspectable(String where, String reason) {
        present.add(FindingCode.UNINSPECTABLE_ATTACHMENT);
        reasons.add(new Reason(where, reason));
        return this;
    }

    int expectedCount(FindingCode code) {
        return counts.stream().filter(c -> c.code() == code).mapToInt(Count::count).sum();
    }

    void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("description " + description);
        lines.add("present" + join(present));
        lines.add("absent" + join(absent()));
        counts.forEach(c -> lines.add("count " + c.code() + " " + c.where() + " " + c.count()));
        severities.forEach(s -> lines.add("severity " + s.code() + " " + s.where() + " " + s.severity()));
        evidence.forEach(e -> lines.add("evidence " + e.code() + " " + e.value()));
        categories.forEach(c -> lines.add("category " + c.code() + " " + c.value()));
        reasons.forEach(r -> lines.add("reason " + r.where() + " " + r.reason()));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    static Expectation read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        Expectation e = new Expectation(fileName.substring(0, fileName.length() - ".expect".length()));
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] w = line.trim().split("\\s+");
            switch (w[0]) {
                case "description" -> e.description = line.substring("description".length()).trim();
                case "present" -> Arrays.stream(w).skip(1).forEach(c -> e.present.add(FindingCode.valueOf(c)));
                case "absent", "" -> {
                    // absent is everything not present; the line is there for readers
                }
                case "count" -> e.counts.add(new Count(FindingCode.valueOf(w[1]), w[2], Integer.parseInt(w[3])));
                case "severity" -> e.severities.add(new Level(FindingCode.valueOf(w[1]), w[2], Severity.valueOf(w[3])));
                case "evidence" -> e.evidence.add(new Item(FindingCode.valueOf(w[1]), w[2]));
                case "category" -> e.categories.add(new Item(FindingCode.valueOf(w[1]), w[2]));
                case "reason" -> e.reasons.add(new Reason(w[1], w[2]));
                default -> throw new IOException(file + ": unknown statement " + w[0]);
            }
        }
        return e;
    }

    private static String join(Set<FindingCode> codes) {
        StringBuilder b = new StringBuilder();
        codes.forEach(c -> b.append(' ').append(c));
        return b.toString();
    }
}

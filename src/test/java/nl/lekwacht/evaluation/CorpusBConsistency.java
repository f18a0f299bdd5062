package nl.lekwacht.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks corpus B against its manifests without calling any detector: every file exists, every
 * listed BSN passes the 11-proef and really occurs in the decoded message (or scan source), labels
 * and expected codes agree, and dev and holdout are balanced. For the recipient organisation see
 * {@link RecipientsBConsistency}. Not a unit test (surefire does not pick it up); run it with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=nl.lekwacht.evaluation.CorpusBConsistency [-Dexec.args="--scans"]}.
 * Exits non-zero when a check fails.
 */
public final class CorpusBConsistency {

    static final Set<String> CODES = Set.of("VISIBLE_RECIPIENTS", "MISDIRECTED_RECIPIENT",
            "NEW_RECIPIENT_WITH_PERSONAL_DATA", "BSN", "IBAN", "SPECIAL_CATEGORY", "UNINSPECTABLE_ATTACHMENT");
    private static final Pattern RUN = Pattern.compile("\\d(?:[ \\t\\r\\n.\\-|]{1,3}\\d|\\d)*");
    private static final Pattern NINE = Pattern.compile("(?<!\\d)\\d{9}(?!\\d)");

    private final List<String> problems = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Path root = Path.of("src/test/resources/evaluation");
        boolean scans = List.of(args).contains("--scans");
        CorpusBConsistency c = new CorpusBConsistency();
        c.content(root.resolve("content-b"), scans);
        if (Files.exists(root.resolve("recipients-b/manifest.csv"))) {
            c.problems.addAll(new RecipientsBConsistency(root.resolve("recipients-b")).check());
        }
        c.problems.forEach(p -> System.out.println("PROBLEM " + p));
        System.out.println(c.problems.isEmpty() ? "corpus B consistent" : c.problems.size() + " problems");
        System.exit(c.problems.isEmpty() ? 0 : 1);
    }

    private void content(Path dir, boolean scans) throws Exception {
        Path manifest = dir.resolve("manifest.csv");
        if (!String.join(",", Manifest.header(manifest)).equals(ContentCorpusB.HEADER)) {
            problems.add("content-b manifest header is not " + ContentCorpusB.HEADER);
            return;
        }
        Map<String, int[]> balance = new TreeMap<>();
        Map<String, int[]> categoryBalance = new TreeMap<>();
        int lookAlikes = 0;
        int hardWithLookAlike = 0;
        int looseMatches = 0;
        int scanMade = 0;
        for (Manifest.Row r : Manifest.read(manifest)) {
            String where = "content-b line " + r.line() + " (" + r.get("file") + ")";
            Path file = dir.resolve(r.get("file"));
            String split = r.get("split");
            String kind = r.get("kind");
            String label = r.get("label");
            if (!Files.isRegularFile(file)) {
                problems.add(where + ": file missing");
                continue;
            }
            if (!Set.of("dev", "holdout").contains(split) || !r.get("file").startsWith(split + "/")) {
                problems.add(where + ": split " + split + " does not match the file's folder");
            }
            if (!Set.of("text", "scan").contains(kind) || !Set.of("positive", "hard-negative", "negative").contains(label)) {
                problems.add(where + ": bad kind or label");
            }
            if (kind.equals("scan") != !r.get("scan").isEmpty()
                    || (kind.equals("scan") && !List.of(ContentCorpusB.VARIANTS).contains(r.get("scan")))) {
                problems.add(where + ": scan column does not fit kind " + kind);
            }
            List<String> bsns = r.get("bsns").isEmpty() ? List.of() : List.of(r.get("bsns").split(";"));
            if (bsns.size() != Integer.parseInt(r.get("distinct_bsns")) || bsns.stream().distinct().count() != bsns.size()) {
                problems.add(where + ": distinct_bsns does not match bsns");
            }
            for (String code : (r.get("expect_present") + ";" + r.get("expect_absent")).split(";")) {
                if (!code.isEmpty() && !CODES.contains(code)) {
                    problems.add(where + ": unknown finding code " + code);
                }
            }
            boolean positive = label.equals("positive");
            if (positive != !bsns.isEmpty() || positive != r.get("expect_present").contains("BSN")
                    || positive == r.get("expect_absent").contains("BSN")) {
                problems.add(where + ": label, bsns and expected codes disagree");
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = kind.equals("scan") ? DecodedText.ofDocument(file.getFileName().toString(), bytes)
                    : DecodedText.of(bytes);
            List<String> runs = runs(text);
            List<String> nines = nines(text);
            for (String bsn : bsns) {
                if (!ElfProef.passes(bsn)) {
                    problems.add(where + ": " + mask(bsn) + " fails the 11-proef");
                }
                boolean exact = nines.contains(bsn) || runs.contains(bsn) || (bsn.startsWith("0") && runs.contains(bsn.substring(1)));
                boolean loose = runs.stream().anyMatch(x -> x.contains(bsn) || (bsn.startsWith("0") && x.contains(bsn.substring(1))));
                if (!exact && loose) {
                    looseMatches++;
                } else if (!exact) {
                    problems.add(where + ": " + mask(bsn) + " does not occur in the decoded message");
                }
            }
            if (label.equals("hard-negative")) {
                long n = nines.stream().filter(ElfProef::passes).count();
                lookAlikes += (int) n;
                hardWithLookAlike += n > 0 ? 1 : 0;
            }
            if (kind.equals("scan") && scans) {
                byte[] eml = ScanMaker.eml(bytes, r.get("category"), r.get("scan"), r.get("file"));
                if (eml.length < 10_000) {
                    problems.add(where + ": scan message suspiciously small");
                }
                scanMade++;
            }
            balance.computeIfAbsent(kind + " " + label, k -> new int[2])[split.equals("dev") ? 0 : 1]++;
            categoryBalance.computeIfAbsent(kind + " " + label + " " + r.get("category"), k -> new int[2])
                    [split.equals("dev") ? 0 : 1]++;
        }
        System.out.println("content-b            dev  holdout");
        balance.forEach((k, v) -> System.out.printf("  %-22s %4d %4d%n", k, v[0], v[1]));
        balance.forEach((k, v) -> {
            if (Math.abs(v[0] - v[1]) > Math.max(2, (v[0] + v[1]) / 20)) {
                problems.add("content-b " + k + " unbalanced: " + v[0] + " dev, " + v[1] + " holdout");
            }
        });
        categoryBalance.forEach((k, v) -> {
            if (Math.abs(v[0] - v[1]) > (k.startsWith("scan") ? 4 : 1)) {
                problems.add("content-b category " + k + " unbalanced: " + v[0] + " dev, " + v[1] + " holdout");
            }
        });
        System.out.println("  hard negatives holding a nine-digit number valid by the 11-proef: " + hardWithLookAlike
                + " (" + lookAlikes + " such numbers)");
        System.out.println("  BSNs found only inside a longer digit run (dropped-zero or table neighbours): " + looseMatches);
        if (scans) {
            System.out.println("  scan messages made: " + scanMade);
        }
    }

    /** Digit runs, with the spaces, dots, dashes and line ends between groups taken out. */
    static List<String> runs(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = RUN.matcher(text);
        while (m.find()) {
            out.add(m.group().replaceAll("\\D", ""));
        }
        return out;
    }

    private static List<String> nines(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = NINE.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static String mask(String bsn) {
        return "*****" + bsn.substring(5);
    }
}

package nl.lekwacht.inspect.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.lekwacht.inspect.Detector;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.inspect.Severity;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.message.TextPart;

/**
 * Finds citizen service numbers (BSN) in body and attachment texts. One finding per location with the
 * number of distinct BSNs there (the people affected) and masked evidence ({@code *****6782}); the
 * full number never leaves this class, not in findings, logs, exceptions or {@code toString}.
 * Text parts with the same location (the plain and HTML alternatives of a body) are counted together.
 *
 * <p>Pure and thread-safe.
 */
final class BsnDetector implements Detector {

    static final int MAX_EVIDENCE = 10;

    private final BsnScanner scanner = new BsnScanner();
    private final BsnClassifier classifier;

    BsnDetector(BsnSettings settings) {
        this.classifier = new BsnClassifier(settings);
    }

    @Override
    public String name() {
        return "bsn";
    }

    @Override
    public List<Finding> inspect(OutboundMessage message) {
        ByPlace<Map<Integer, Severity>> byPlace = new ByPlace<>();
        for (TextPart part : message.texts()) {
            List<Candidate> candidates = scanner.scan(part.text());
            if (candidates.isEmpty()) {
                continue;
            }
            Map<Integer, Severity> found = classifier.classify(part, candidates);
            if (!found.isEmpty()) {
                Map<Integer, Severity> all = byPlace.at(part, LinkedHashMap::new);
                found.forEach((value, severity) -> all.merge(value, severity, BsnDetector::max));
            }
        }
        List<Finding> findings = new ArrayList<>(byPlace.size());
        byPlace.forEach((place, found) -> findings.add(finding(place, found)));
        return findings;
    }

    private static Finding finding(ByPlace.Place place, Map<Integer, Severity> found) {
        int high = (int) found.values().stream().filter(s -> s == Severity.HIGH).count();
        int medium = found.size() - high;
        List<String> evidence = found.keySet().stream().limit(MAX_EVIDENCE).map(BsnMask::mask).toList();
        String message = found.size() + " citizen service number(s) (BSN): " + high + " named by a keyword or "
                + "column heading, " + medium + " in a list of valid numbers";
        return new Finding(FindingCode.BSN, high > 0 ? Severity.HIGH : Severity.MEDIUM, place.where(), place.part(),
                found.size(),
                evidence, message, Map.of("high", Integer.toString(high), "medium", Integer.toString(medium)));
    }

    private static Severity max(Severity a, Severity b) {
        return a.atLeast(b) ? a : b;
    }
}

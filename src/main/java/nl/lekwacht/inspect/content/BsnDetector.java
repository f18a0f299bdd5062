package nl.lekwacht.inspect.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.lekwacht.inspect.Detector;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.inspect.Severity;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.message.TextPart;

/**
 * Finds citizen service numbers (BSN) in body and attachment texts. One finding per location; the counts
 * of a message's findings add up to its distinct BSNs (the people affected), each number counted at the
 * first place it occurs and masked evidence ({@code *****6782}); the
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
        Set<Integer> counted = new HashSet<>();
        byPlace.forEach((place, found) -> findings.add(finding(place, found, counted)));
        return findings;
    }

    /**
     * The finding at one place. Its count is of the numbers no earlier place of the message had, so that
     * the counts of a message's findings add up to its distinct numbers (the people affected); the
     * evidence shows every number found here.
     */
    private static Finding finding(ByPlace.Place place, Map<Integer, Severity> found, Set<Integer> counted) {
        int high = (int) found.values().stream().filter(s -> s == Severity.HIGH).count();
        int medium = found.size() - high;
        int fresh = 0;
        for (Integer value : found.keySet()) {
            fresh += counted.add(value) ? 1 : 0;
        }
        List<String> evidence = found.keySet().stream().limit(MAX_EVIDENCE).map(BsnMask::mask).toList();
        String message = found.size() + " citizen service number(s) (BSN): " + high + " named by a keyword or "
                + "column heading, " + medium + " by their context" + (fresh < found.size()
                ? "; " + (found.size() - fresh) + " also found earlier in the message" : "");
        return new Finding(FindingCode.BSN, high > 0 ? Severity.HIGH : Severity.MEDIUM, place.where(), place.part(),
                fresh, evidence, message, Map.of("high", Integer.toString(high), "medium", Integer.toString(medium),
                        "here", Integer.toString(found.size())));
    }

    private static Severity max(Severity a, Severity b) {
        return a.atLeast(b) ? a : b;
    }
}

package nl.lekwacht.inspect.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        ByPlace<FoundNumbers> byPlace = new ByPlace<>();
        for (TextPart part : message.texts()) {
            List<Candidate> candidates = scanner.scan(part.text());
            if (candidates.isEmpty()) {
                continue;
            }
            FoundNumbers found = classifier.classify(part, candidates);
            if (!found.isEmpty()) {
                // the first text at a place keeps its own numbers; a later one (the HTML alternative) merges in
                FoundNumbers all = byPlace.at(part, () -> found);
                if (all != found) {
                    for (int i = 0; i < found.size(); i++) {
                        all.mergeMax(found.value(i), found.severity(i));
                    }
                }
            }
        }
        List<Finding> findings = new ArrayList<>(byPlace.size());
        // with one place every number is counted there; with more, each at the first place that has it
        IntOrderedSet counted = byPlace.size() > 1 ? new IntOrderedSet() : null;
        byPlace.forEach((place, found) -> findings.add(finding(place, found, counted)));
        return findings;
    }

    /**
     * The finding at one place. Its count is of the numbers no earlier place of the message had, so that
     * the counts of a message's findings add up to its distinct numbers (the people affected); the
     * evidence shows every number found here. {@code counted} is null when the message has one place.
     */
    private static Finding finding(ByPlace.Place place, FoundNumbers found, IntOrderedSet counted) {
        int high = 0;
        int fresh = 0;
        List<String> evidence = new ArrayList<>(Math.min(MAX_EVIDENCE, found.size()));
        for (int i = 0; i < found.size(); i++) {
            high += found.severity(i) == Severity.HIGH ? 1 : 0;
            if (counted != null) {
                int before = counted.size();
                counted.add(found.value(i));
                fresh += counted.size() > before ? 1 : 0;
            } else {
                fresh++;
            }
            if (i < MAX_EVIDENCE) {
                evidence.add(BsnMask.mask(found.value(i)));
            }
        }
        int medium = found.size() - high;
        String message = found.size() + " citizen service number(s) (BSN): " + high + " named by a keyword or "
                + "column heading, " + medium + " by their context" + (fresh < found.size()
                ? "; " + (found.size() - fresh) + " also found earlier in the message" : "");
        return new Finding(FindingCode.BSN, high > 0 ? Severity.HIGH : Severity.MEDIUM, place.where(), place.part(),
                fresh, evidence, message, Map.of("high", Integer.toString(high), "medium",
                        Integer.toString(medium), "here", Integer.toString(found.size())));
    }}

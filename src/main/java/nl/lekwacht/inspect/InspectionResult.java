package nl.lekwacht.inspect;

import java.util.List;

/**
 * What the inspector made of one message.
 *
 * @param findings       everything found, in detector order
 * @param failedDetectors names of detectors that threw; their part of the inspection is missing
 */
public record InspectionResult(List<Finding> findings, List<String> failedDetectors) {

    public InspectionResult {
        findings = List.copyOf(findings);
        failedDetectors = List.copyOf(failedDetectors);
    }

    public static InspectionResult clean() {
        return new InspectionResult(List.of(), List.of());
    }

    public boolean complete() {
        return failedDetectors.isEmpty();
    }
}

package nl.lekwacht.inspect.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.lekwacht.inspect.Detector;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.inspect.Severity;
import nl.lekwacht.message.ExtractionProblem;
import nl.lekwacht.message.OutboundMessage;

/**
 * Reports every part of a message whose content nobody could read (encrypted, corrupt, over a limit,
 * too deeply nested, timed out), so that what cannot be inspected never passes as clean. One finding
 * per part, location and reason, with the file name as evidence and the reason in {@code details}.
 *
 * <p>Pure and thread-safe.
 */
public final class UninspectableAttachmentDetector implements Detector {

    private static final String ATTACHMENT = "attachment:";

    @Override
    public String name() {
        return "uninspectable-attachment";
    }

    @Override
    public List<Finding> inspect(OutboundMessage message) {
        Map<String, ExtractionProblem> distinct = new LinkedHashMap<>();
        for (ExtractionProblem problem : message.problems()) {
            distinct.putIfAbsent(problem.partId() + "\u0000" + problem.where() + "\u0000" + problem.reason(), problem);
        }
        List<Finding> findings = new ArrayList<>(distinct.size());
        for (ExtractionProblem problem : distinct.values()) {
            String reason = reasonName(problem.reason());
            // a scan OCR read and found no text in is most often a photo or a drawing: LOW, so the default
            // policy does not open an incident for every holiday picture
            Severity severity = problem.reason() == ExtractionProblem.Reason.UNREADABLE ? Severity.LOW : Severity.MEDIUM;
            findings.add(new Finding(FindingCode.UNINSPECTABLE_ATTACHMENT, severity, problem.where(),
                    problem.partId(), 1,
                    fileName(problem.where()), describe(problem.where(), reason), details(reason, problem)));
        }
        return findings;
    }

    /**
     * The reason, and why in words where the extraction said: for a scan not read, ocr-off, ocr-missing or
     * a limit; for a part read only in part, which limit and how much was read.
     */
    private static Map<String, String> details(String reason, ExtractionProblem problem) {
        return problem.reason() == ExtractionProblem.Reason.OCR_UNAVAILABLE || !problem.detail().isBlank()
                ? Map.of("reason", reason, "why", problem.detail()) : Map.of("reason", reason);
    }

    /** {@code TOO_LARGE} becomes {@code too-large}: the form config and the register use. */
    static String reasonName(ExtractionProblem.Reason reason) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The innermost file name of an attachment location, without page or sheet; none for the body. */
    static List<String> fileName(String where) {
        if (!where.startsWith(ATTACHMENT)) {
            return List.of();
        }
        String path = where.substring(ATTACHMENT.length());
        int hash = path.lastIndexOf('#');
        if (hash > path.lastIndexOf('/')) {
            path = path.substring(0, hash);
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? List.of() : List.of(name);
    }

    private static String describe(String where, String reason) {
        String what = where.startsWith(ATTACHMENT) ? "Attachment" : "Part of the message";
        return what + " could not be inspected (" + reason + ")";
    }
}

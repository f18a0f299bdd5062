package nl.lekwacht.inspect;

import java.util.ArrayList;
import java.util.List;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.message.TextPart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every detector over a message and collects the findings. A detector that throws is logged
 * and named in the result, so that the policy can apply its fail mode instead of the message being
 * lost or silently passed.
 */
public final class Inspector {

    private static final Logger log = LoggerFactory.getLogger(Inspector.class);

    private final List<Detector> detectors;
    private final List<FollowUpDetector> followUps;

    public Inspector(List<Detector> detectors, List<FollowUpDetector> followUps) {
        this.detectors = List.copyOf(detectors);
        this.followUps = List.copyOf(followUps);
    }

    /**
     * Runs every detector over {@code message} with its texts normalised first ({@link TextNormaliser},
     * then {@link LineJoins} for running text), so that no detector sees text in a form a reader would not.
     */
    public InspectionResult inspect(OutboundMessage raw) {
        OutboundMessage message = normalised(raw);
        List<Finding> findings = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Detector detector : detectors) {
            try {
                findings.addAll(detector.inspect(message));
            } catch (RuntimeException | StackOverflowError e) {
                failed.add(detector.name());
                log.error("queue={} detector={} failed: {}", message.envelope().queueId(), detector.name(),
                        e.toString(), e);
            }
        }
        List<Finding> plain = List.copyOf(findings);
        for (FollowUpDetector followUp : followUps) {
            try {
                findings.addAll(followUp.inspect(message, plain));
            } catch (RuntimeException | StackOverflowError e) {
                failed.add(followUp.name());
                log.error("queue={} detector={} failed: {}", message.envelope().queueId(), followUp.name(),
                        e.toString(), e);
            }
        }
        return new InspectionResult(findings, failed);
    }

    private static OutboundMessage normalised(OutboundMessage message) {
        List<TextPart> texts = new ArrayList<>(message.texts().size());
        for (TextPart part : message.texts()) {
            String text = TextNormaliser.normalise(part.text());
            // a table's line breaks end its rows; in running text they are where the layout wrapped
            texts.add(new TextPart(part.partId(), part.where(), part.tabular() ? text : LineJoins.join(text),
                    part.tabular()));
        }
        return new OutboundMessage(message.envelope(), message.headers(), message.size(), texts,
                message.attachments(), message.problems());
    }

    public List<String> detectorNames() {
        List<String> names = new ArrayList<>();
        detectors.forEach(d -> names.add(d.name()));
        followUps.forEach(d -> names.add(d.name()));
        return names;
    }
}

package nl.lekwacht.inspect;

import java.util.List;
import nl.lekwacht.message.OutboundMessage;

/**
 * A detector whose rule depends on what the plain detectors found, such as "a new recipient domain on
 * a message that carries a BSN". It runs after every {@link Detector}, under the same contract.
 */
public interface FollowUpDetector {

    String name();

    /** @param earlier findings of the plain detectors for this message */
    List<Finding> inspect(OutboundMessage message, List<Finding> earlier);
}

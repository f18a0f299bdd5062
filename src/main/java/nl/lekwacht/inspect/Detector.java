package nl.lekwacht.inspect;

import java.util.List;
import nl.lekwacht.message.OutboundMessage;

/**
 * Looks for one kind of risk in an outgoing message.
 *
 * <p>Contract: pure and thread-safe. A detector reads the message (and whatever read-only snapshot
 * it was built with, such as correspondence history), does no I/O and never decides what happens to
 * the message: it only reports findings, and {@code Policy} decides. A detector that throws does not
 * lose the message; the inspector records the failure and the policy applies its fail mode.
 */
public interface Detector {

    /** Short stable name for logs, metrics and config, e.g. {@code bsn}. */
    String name();

    /** @return the findings, empty when there is nothing to report; never null */
    List<Finding> inspect(OutboundMessage message);
}

package nl.lekwacht.flow;

import nl.lekwacht.inspect.InspectionResult;
import nl.lekwacht.message.OutboundMessage;

/** A parsed message and what the policy decided about it. */
public record Screened(OutboundMessage message, InspectionResult inspection, Verdict verdict) {
}

package nl.lekwacht.policy;

import nl.lekwacht.flow.Screened;
import nl.lekwacht.flow.Screener;
import nl.lekwacht.inspect.InspectionResult;
import nl.lekwacht.inspect.Inspector;
import nl.lekwacht.message.ContentExtractor;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.MessageParser;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.message.spool.Spool;

/**
 * The chain every message passes before it may leave: parse, extract attachment text, inspect,
 * decide. Used by the relay for each transaction and by {@code scan} for one file. Thread-safe.
 */
final class Screening implements Screener {

    private final MessageParser parser;
    private final ContentExtractor extractor;
    private final Inspector inspector;
    private final Policy policy;

    public Screening(MessageParser parser, ContentExtractor extractor, Inspector inspector, Policy policy) {
        this.parser = parser;
        this.extractor = extractor;
        this.inspector = inspector;
        this.policy = policy;
    }

    @Override
    public Screened screen(Envelope envelope, Spool spool) {
        OutboundMessage parsed = parser.parse(spool, envelope);
        OutboundMessage message = extractor.extract(parsed);
        InspectionResult inspection = inspector.inspect(message);
        return new Screened(message, inspection, policy.decide(inspection, envelope));
    }
}

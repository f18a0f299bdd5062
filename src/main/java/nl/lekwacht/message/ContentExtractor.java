package nl.lekwacht.message;

/**
 * Reads the text inside a message's attachments (PDF, Office, archives, attached mail...) so content
 * detectors can inspect it, within the configured budgets. What cannot be read becomes an
 * {@link ExtractionProblem}, never an exception and never a silent pass.
 *
 * <p>Thread-safe; one instance serves every transaction.
 */
public interface ContentExtractor extends AutoCloseable {

    /** Extracts nothing: for set-ups without content detectors, and for tests of other stages. */
    ContentExtractor NONE = message -> message;

    /** @return the message with extracted texts and problems added */
    OutboundMessage extract(OutboundMessage message);

    @Override
    default void close() {
    }
}

package nl.lekwacht.flow;

import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.spool.Spool;

/**
 * What the relay asks of the screening at the end of data: parse, extract, inspect and decide one
 * message. Implementations are thread-safe; they never throw for a message's content (a failed
 * detector is part of the verdict), only for internal errors.
 */
@FunctionalInterface
public interface Screener {

    Screened screen(Envelope envelope, Spool spool);
}

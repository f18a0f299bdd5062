package nl.lekwacht.flow;

import java.io.IOException;
import nl.lekwacht.message.spool.Spool;

/**
 * Where the relay puts a message the policy wants held. The relay answers 250 only after
 * {@link #hold} returned, so an implementation must have stored the message durably by then.
 */
@FunctionalInterface
public interface HoldDesk {

    /**
     * Stores the message for the sender's decision and notifies them.
     *
     * @return the hold's reference, shown in the SMTP reply
     * @throws IOException when it could not be stored; the client then gets a temporary failure
     */
    String hold(Screened screened, Spool spool) throws IOException;
}

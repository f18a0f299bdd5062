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
     * A delayed message: its reference and when it leaves by itself, in the organisation's time zone.
     */
    record Delayed(String reference, java.time.ZonedDateTime until) {
    }

    /**
     * Stores the message for the sender's decision and notifies them.
     *
     * @return the hold's reference, shown in the SMTP reply
     * @throws IOException when it could not be stored; the client then gets a temporary failure
     */
    String hold(Screened screened, Spool spool) throws IOException;

    /**
     * Stores the message durably, as for a hold, to leave by itself after the configured delay unless
     * the sender stops or fixes it through the link in the notice.
     *
     * The default, for desks that only hold, refuses (a temporary failure for the client).
     *
     * @throws IOException when it could not be stored; the client then gets a temporary failure
     */
    default Delayed delay(Screened screened, Spool spool) throws IOException {
        throw new IOException("this desk cannot delay messages");
    }
}

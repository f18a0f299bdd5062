package nl.lekwacht.flow;

import java.time.Instant;
import java.util.Objects;

/**
 * A message the next hop accepted, as the rest of the gateway learns of it: no protocol detail,
 * only what was screened, when it went out and the next hop's own queue id where it gave one.
 *
 * @param nextHopId the next hop's queue id from its reply ({@code queued as ...}), empty when it gave none
 */
public record Delivered(Screened screened, Instant at, String nextHopId) {

    public Delivered {
        Objects.requireNonNull(screened, "screened");
        Objects.requireNonNull(at, "at");
        nextHopId = nextHopId == null ? "" : nextHopId;
    }
}

package nl.lekwacht.register;

import java.util.Set;
import nl.lekwacht.hold.HeldMessage;
import nl.lekwacht.hold.OverrideListener;
import nl.lekwacht.inspect.FindingCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an incident when a sender sends a held message anyway and {@code policy.incident-on-override}
 * names one of its codes. One incident per hold. Never throws.
 */
final class OverrideIncidents implements OverrideListener {

    private static final Logger log = LoggerFactory.getLogger(OverrideIncidents.class);

    private final IncidentRegister register;
    private final Facts facts;

    public OverrideIncidents(IncidentRegister register, Facts facts) {
        this.register = register;
        this.facts = facts;
    }

    @Override
    public void overridden(HeldMessage hold, Set<FindingCode> codes, String actor, String reason) {
        String who = actor == null || actor.isBlank() || "link".equals(actor) ? hold.sender() : actor;
        try {
            Incident incident = register.opening().openForMessage(Origin.OVERRIDE, facts.ofHold(hold), who).incident();
            if (reason != null && !reason.isBlank() && incident.answers().get(Field.SENDER_STATEMENT).isEmpty()) {
                register.editing().edit(incident.id(), java.util.Map.of(Field.SENDER_STATEMENT, reason), Set.of(), who);
            }
            log.info("hold={} overridden ({}): register incident={}", hold.id(), codes, incident.reference());
        } catch (RuntimeException e) {
            log.error("hold={} could not record the override incident: {}", hold.id(), e.toString(), e);
        }
    }
}

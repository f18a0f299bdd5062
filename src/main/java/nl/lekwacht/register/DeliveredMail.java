package nl.lekwacht.register;

import java.util.Optional;
import nl.lekwacht.flow.Delivered;
import nl.lekwacht.flow.DeliveryObserver;
import nl.lekwacht.flow.Screened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Told of every delivered message: opens the incident when the verdict says the register must record
 * it (monitor, fail-open, fallback), and tells an internal sender of a message with findings how to
 * report it if it went wrong. Never throws.
 */
final class DeliveredMail implements DeliveryObserver {

    private static final Logger log = LoggerFactory.getLogger(DeliveredMail.class);

    private final IncidentOpening opening;
    private final Facts facts;
    private final ReportNotices notices;

    public DeliveredMail(IncidentOpening opening, Facts facts, ReportNotices notices) {
        this.opening = opening;
        this.facts = facts;
        this.notices = notices;
    }

    @Override
    public void delivered(Delivered delivered) {
        Screened screened = delivered.screened();
        if (screened.verdict().findings().isEmpty() && !screened.verdict().openIncident()) {
            return;
        }
        try {
            MessageFacts message = facts.of(screened.message(), screened.verdict());
            Optional<Incident> opened = Optional.empty();
            if (screened.verdict().openIncident()) {
                opened = Optional.of(opening.openForMessage(origin(screened), message, IncidentRegister.SYSTEM)
                        .incident());
                log.info("queue={} register incident={}", message.queueId(), opened.get().reference());
            }
            notices.delivered(message, opened);
        } catch (RuntimeException e) {
            log.error("queue={} could not record the incident: {}", screened.message().envelope().queueId(),
                    e.toString(), e);
        }
    }

    static Origin origin(Screened screened) {
        if (!screened.inspection().complete()) {
            return Origin.FAIL_OPEN;
        }
        boolean fallback = screened.verdict().reasons().stream().anyMatch(r -> r.startsWith("sender cannot confirm"));
        return fallback ? Origin.FALLBACK : Origin.MONITOR;
    }
}

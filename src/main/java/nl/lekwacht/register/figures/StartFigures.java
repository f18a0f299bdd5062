package nl.lekwacht.register.figures;

import java.time.YearMonth;
import java.util.Map;
import nl.lekwacht.register.Status;

/**
 * The privacy officer's start page: what needs attention, the register by status, and the last months
 * in figures.
 *
 * @param from                the first month the charts count
 * @param to                  the last (the current month)
 * @param byStatus            every incident in the register by status
 * @param incidentsByKind     incidents per month (discovered) by kind of breach
 * @param incidentsBySource   incidents per month by {@link Source}
 * @param nearMissesByFinding held messages per month by finding code (a message with two codes counts under both)
 * @param nearMissesByOutcome held messages per month by how the hold ended
 * @param byDepartment        incidents and held messages per department, over the months shown
 */
public record StartFigures(YearMonth from, YearMonth to, Attention attention, Map<Status, Integer> byStatus,
                           Tally incidentsByKind, Tally incidentsBySource, Tally nearMissesByFinding,
                           Tally nearMissesByOutcome, Tally byDepartment) {

    public StartFigures {
        byStatus = Map.copyOf(byStatus);
    }
}

package nl.lekwacht.register.figures;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One calendar year of the register for the privacy officer's annual report: incidents discovered that
 * year and what was decided about them, the people informed, the slips the gateway prevented, the main
 * causes and the trend against the year before.
 *
 * @param incidents            incidents discovered in the year
 * @param previousIncidents    the same for the year before
 * @param decisions            the incidents by {@link Decision}
 * @param reportedLate         reported to the AP after the 72-hour deadline
 * @param notReported          the reasons recorded for not reporting, with the incident's reference
 * @param informedIncidents    incidents after which the people affected were informed
 * @param peopleInformed       people informed, as recorded (the number given with each)
 * @param peopleAffected       people affected, as recorded (the highest estimate of each incident)
 * @param nearMisses           messages held in the year whose hold ended
 * @param prevented            of those, the ones that did not leave as they were (fixed, cancelled, expired)
 * @param previousPrevented    the same for the year before
 */
public record YearOverview(int year, int incidents, int previousIncidents, Map<Decision, Integer> decisions,
                           int reportedLate, List<NotReported> notReported, int informedIncidents,
                           int peopleInformed, int peopleAffected, int nearMisses, int prevented,
                           int previousPrevented, Tally incidentsByKind, Tally incidentsBySource,
                           Tally nearMissesByFinding, Tally nearMissesByOutcome, Tally byDepartment) {

    public YearOverview {
        decisions = Map.copyOf(decisions);
        notReported = List.copyOf(notReported);
    }

    /** What became of an incident, for the annual report. */
    public enum Decision { REPORTED, NOT_REPORTED, NO_BREACH, WITHDRAWN, OPEN }

    /** A decision not to report, and why. */
    public record NotReported(String reference, String reason) {
    }

    public int decided(Decision decision) {
        return decisions.getOrDefault(decision, 0);
    }

    /** The kinds of breach with incidents, most first: the main causes. */
    public List<Tally.Row> mainCauses() {
        return ranked(incidentsByKind);
    }

    /** The findings that held messages, most first. */
    public List<Tally.Row> mainFindings() {
        return ranked(nearMissesByFinding);
    }

    private static List<Tally.Row> ranked(Tally tally) {
        return tally.rows().stream().filter(r -> r.total() > 0)
                .sorted(Comparator.comparingInt(Tally.Row::total).reversed()).toList();
    }
}

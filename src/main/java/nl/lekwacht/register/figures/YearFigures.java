package nl.lekwacht.register.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.lekwacht.hold.NearMiss;
import nl.lekwacht.register.Answers;
import nl.lekwacht.register.Field;
import nl.lekwacht.register.Incident;
import nl.lekwacht.register.Status;

/** The counts of one year's incidents that are not per month: decisions, reasons, people. Stateless. */
final class YearFigures {

    private final List<Incident> incidents;

    YearFigures(List<Incident> incidents) {
        this.incidents = List.copyOf(incidents);
    }

    YearOverview overview(int year, int previousIncidents, List<NearMiss> held, int previousPrevented, Tally byKind,
                          Tally bySource, Tally byFinding, Tally byOutcome, Tally byDepartment) {
        Map<YearOverview.Decision, Integer> decisions = new EnumMap<>(YearOverview.Decision.class);
        for (YearOverview.Decision d : YearOverview.Decision.values()) {
            decisions.put(d, 0);
        }
        List<YearOverview.NotReported> reasons = new ArrayList<>();
        int late = 0;
        int informed = 0;
        int peopleInformed = 0;
        int peopleAffected = 0;
        for (Incident i : incidents.stream().sorted(Comparator.comparing(Incident::id)).toList()) {
            Answers a = i.answers();
            YearOverview.Decision decision = decision(i);
            decisions.merge(decision, 1, Integer::sum);
            if (decision == YearOverview.Decision.NOT_REPORTED) {
                reasons.add(new YearOverview.NotReported(i.reference(), a.get(Field.NOT_REPORTED_REASON)));
            }
            if (decision == YearOverview.Decision.REPORTED && a.instant(Field.AP_REPORTED_AT).isPresent()
                    && i.deadline().isPresent() && a.instant(Field.AP_REPORTED_AT).get().isAfter(i.deadline().get())) {
                late++;
            }
            if ("YES".equals(a.get(Field.SUBJECTS_INFORMED))) {
                informed++;
                peopleInformed += a.number(Field.SUBJECTS_INFORMED_COUNT).orElse(0);
            }
            peopleAffected += a.number(Field.PEOPLE_MAX).orElse(a.number(Field.PEOPLE_MIN).orElse(0));
        }
        int prevented = (int) held.stream().filter(n -> n.outcome().prevented()).count();
        return new YearOverview(year, incidents.size(), previousIncidents, decisions, late, reasons, informed,
                peopleInformed, peopleAffected, held.size(), prevented, previousPrevented, byKind, bySource, byFinding,
                byOutcome, byDepartment);
    }

    /**
     * What became of an incident: no breach and withdrawn as their status says; reported when the AP report
     * is recorded; not reported when so decided (or closed without a report); else still open.
     */
    static YearOverview.Decision decision(Incident incident) {
        Status status = incident.status();
        if (status == Status.NO_BREACH) {
            return YearOverview.Decision.NO_BREACH;
        }
        if (status == Status.WITHDRAWN) {
            return YearOverview.Decision.WITHDRAWN;
        }
        if (status == Status.REPORTED || !incident.answers().get(Field.AP_REPORTED_AT).isEmpty()) {
            return YearOverview.Decision.REPORTED;
        }
        if (status == Status.NOT_REPORTED || status == Status.CLOSED) {
            return YearOverview.Decision.NOT_REPORTED;
        }
        return YearOverview.Decision.OPEN;
    }
}

package nl.lekwacht.register.figures;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.lekwacht.config.Departments;
import nl.lekwacht.hold.NearMiss;
import nl.lekwacht.hold.NearMissLog;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.register.Field;
import nl.lekwacht.register.Incident;
import nl.lekwacht.register.IncidentQueries;
import nl.lekwacht.register.Origin;
import nl.lekwacht.register.Status;

/**
 * Counts the register and the ended holds for the start page and the year overview. An incident counts
 * in the month of its discovery (else of its recording), in {@code hold.time-zone}; a held message in the
 * month it was held. Reads everything on each call; thread-safe.
 */
public final class Figures {

    /** Months the start page's charts show, the current one included. */
    static final int MONTHS = 12;
    /** Row key of incidents whose kind is not answered, of senders without a department. */
    public static final String UNKNOWN = "UNKNOWN";
    public static final String INCIDENTS = "INCIDENTS";
    public static final String NEAR_MISSES = "NEAR_MISSES";
    private static final Set<Origin> REPORTS = Set.of(Origin.RESIDENT, Origin.STAFF, Origin.SENDER_REPORT);

    private final IncidentQueries queries;
    private final NearMissLog nearMisses;
    private final Departments departments;
    private final ZoneId zone;

    public Figures(IncidentQueries queries, NearMissLog nearMisses, Departments departments, ZoneId zone) {
        this.queries = queries;
        this.nearMisses = nearMisses;
        this.departments = departments;
        this.zone = zone;
    }

    public StartFigures start() {
        List<Incident> all = queries.list(Optional.empty());
        YearMonth to = YearMonth.from(queries.now().atZone(zone));
        YearMonth from = to.minusMonths(MONTHS - 1L);
        Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
        Arrays.stream(Status.values()).forEach(s -> byStatus.put(s, 0));
        all.forEach(i -> byStatus.merge(i.status(), 1, Integer::sum));
        List<Incident> shown = inMonths(all, from, to);
        List<NearMiss> held = nearMisses.between(from, to);
        return new StartFigures(from, to, attention(all), byStatus, byKind(shown, from, to),
                bySource(shown, from, to), byFinding(held, from, to), byOutcome(held, from, to),
                byDepartment(shown, held));
    }

    /** The overview of calendar year {@code year}. */
    public YearOverview year(int year) {
        YearMonth from = YearMonth.of(year, 1);
        YearMonth to = YearMonth.of(year, 12);
        List<Incident> all = queries.list(Optional.empty());
        List<Incident> incidents = inMonths(all, from, to);
        int previous = inMonths(all, from.minusYears(1), to.minusYears(1)).size();
        List<NearMiss> held = nearMisses.between(from, to);
        int previousPrevented = (int) nearMisses.between(from.minusYears(1), to.minusYears(1)).stream()
                .filter(n -> n.outcome().prevented()).count();
        return new YearFigures(incidents).overview(year, previous, held, previousPrevented,
                byKind(incidents, from, to), bySource(incidents, from, to), byFinding(held, from, to),
                byOutcome(held, from, to), byDepartment(incidents, held));
    }

    private Attention attention(List<Incident> all) {
        List<Incident> deadlines = all.stream().filter(i -> i.status().awaitsDecision() && i.deadline().isPresent())
                .sorted(Comparator.comparing((Incident i) -> i.deadline().orElseThrow()).thenComparing(Incident::id))
                .toList();
        List<Incident> unassessed = all.stream().filter(i -> i.status() == Status.NEW && REPORTS.contains(i.origin()))
                .sorted(Comparator.comparing(Incident::createdAt).thenComparing(Incident::id)).toList();
        List<Incident> needApprover = all.stream().filter(i -> i.status() == Status.IN_PROGRESS
                        && !i.answers().get(Field.NOT_REPORTED_REASON).isEmpty()
                        && i.answers().get(Field.NOT_REPORTED_APPROVED_BY).isEmpty())
                .sorted(Comparator.comparing(Incident::id)).toList();
        return new Attention(deadlines, unassessed, needApprover);
    }

    YearMonth month(Incident incident) {
        return YearMonth.from(incident.answers().instant(Field.DISCOVERED_AT).orElse(incident.createdAt()).atZone(zone));
    }

    private List<Incident> inMonths(List<Incident> all, YearMonth from, YearMonth to) {
        return all.stream().filter(i -> !month(i).isBefore(from) && !month(i).isAfter(to)).toList();
    }

    private Tally byKind(List<Incident> incidents, YearMonth from, YearMonth to) {
        List<String> kinds = new ArrayList<>(Field.KIND.choices());
        kinds.add(UNKNOWN);
        Tally.Counter counter = new Tally.Counter(months(from, to), kinds);
        incidents.forEach(i -> counter.add(kind(i), month(i).toString()));
        return counter.tally();
    }

    private Tally bySource(List<Incident> incidents, YearMonth from, YearMonth to) {
        Tally.Counter counter = new Tally.Counter(months(from, to),
                Arrays.stream(Source.values()).map(Enum::name).toList());
        incidents.forEach(i -> counter.add(Source.of(i.origin()).name(), month(i).toString()));
        return counter.tally();
    }

    private static Tally byFinding(List<NearMiss> held, YearMonth from, YearMonth to) {
        Tally.Counter counter = new Tally.Counter(months(from, to),
                Arrays.stream(FindingCode.values()).map(Enum::name).toList());
        held.forEach(n -> n.codes().forEach(code -> counter.add(code, n.month().toString())));
        return counter.tally();
    }

    private static Tally byOutcome(List<NearMiss> held, YearMonth from, YearMonth to) {
        Tally.Counter counter = new Tally.Counter(months(from, to),
                Arrays.stream(NearMiss.Outcome.values()).map(Enum::name).toList());
        held.forEach(n -> counter.add(n.outcome().name(), n.month().toString()));
        return counter.tally();
    }

    /** Departments as columns (configured ones first, by name; senders without one last), incidents and holds as rows. */
    private Tally byDepartment(List<Incident> incidents, List<NearMiss> held) {
        Set<String> names = new TreeSet<>(departments.names());
        incidents.forEach(i -> names.add(department(i)));
        held.forEach(n -> names.add(n.department().isEmpty() ? UNKNOWN : n.department()));
        names.remove(UNKNOWN);
        List<String> columns = new ArrayList<>(names);
        columns.add(UNKNOWN);
        Tally.Counter counter = new Tally.Counter(columns, List.of(INCIDENTS, NEAR_MISSES));
        incidents.forEach(i -> counter.add(INCIDENTS, department(i)));
        held.forEach(n -> counter.add(NEAR_MISSES, n.department().isEmpty() ? UNKNOWN : n.department()));
        return counter.tally();
    }

    private String department(Incident incident) {
        return incident.message().flatMap(m -> departments.of(m.sender())).orElse(UNKNOWN);
    }

    private static String kind(Incident incident) {
        String kind = incident.answers().get(Field.KIND);
        return kind.isEmpty() ? UNKNOWN : kind;
    }

    private static List<String> months(YearMonth from, YearMonth to) {
        List<String> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        return months;
    }
}

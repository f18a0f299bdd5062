package nl.lekwacht.register;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The moves an incident may make:
 * Nieuw -> In behandeling -> Gemeld bij AP | Niet gemeld -> Afgesloten; Geen datalek and Ingetrokken
 * from any open state; a closed, no-breach or withdrawn incident may be reopened (back to In
 * behandeling). Some moves need answers first; Gemeld bij AP after the 72-hour deadline needs the
 * reason of the late notification too. Stateless.
 */
public final class Workflow {

    private static final Map<Status, Set<Status>> NEXT = Map.of(
            Status.NEW, EnumSet.of(Status.IN_PROGRESS, Status.NO_BREACH, Status.WITHDRAWN),
            Status.IN_PROGRESS, EnumSet.of(Status.REPORTED, Status.NOT_REPORTED, Status.NO_BREACH, Status.WITHDRAWN),
            Status.REPORTED, EnumSet.of(Status.CLOSED, Status.NO_BREACH, Status.WITHDRAWN),
            Status.NOT_REPORTED, EnumSet.of(Status.CLOSED, Status.NO_BREACH, Status.WITHDRAWN),
            Status.CLOSED, EnumSet.of(Status.IN_PROGRESS),
            Status.NO_BREACH, EnumSet.of(Status.IN_PROGRESS),
            Status.WITHDRAWN, EnumSet.of(Status.IN_PROGRESS));

    /** The statuses reachable from {@code from}, in declaration order. */
    public Set<Status> next(Status from) {
        return NEXT.get(from);
    }

    /**
     * True when the notification to the AP comes after the deadline: the date it was reported (or, not
     * filled in yet, {@code now}) is past discovery + 72 hours. AVG art. 33(1) then asks for the reasons.
     */
    public static boolean late(Answers answers, Instant now) {
        Instant reported = answers.instant(Field.AP_REPORTED_AT).orElse(now);
        return answers.instant(Field.DEADLINE_AT).map(reported::isAfter).orElse(false);
    }

    /**
     * What is missing before {@code incident} may move to {@code to}; empty when the move is allowed.
     * Each problem is a text key (see the register's text bundle).
     */
    public List<String> problems(Incident incident, Status to, String reason, Instant now) {
        List<String> problems = new ArrayList<>();
        if (!next(incident.status()).contains(to)) {
            problems.add("workflow.not-allowed");
            return problems;
        }
        Answers a = incident.answers();
        switch (to) {
            case REPORTED -> {
                if (a.get(Field.AP_REPORTED_AT).isEmpty()) {
                    problems.add("workflow.needs-ap-reported-at");
                }
                if (a.get(Field.AP_REFERENCE).isEmpty()) {
                    problems.add("workflow.needs-ap-reference");
                }
                if (late(a, now) && a.get(Field.LATE_REASON).isEmpty()) {
                    problems.add("workflow.needs-late-reason");
                }
            }
            case NOT_REPORTED -> {
                if (a.get(Field.NOT_REPORTED_REASON).isEmpty()) {
                    problems.add("workflow.needs-not-reported-reason");
                }
                if (a.get(Field.NOT_REPORTED_APPROVED_BY).isEmpty()) {
                    problems.add("workflow.needs-approved-by");
                }
            }
            case NO_BREACH, WITHDRAWN -> {
                if (reason == null || reason.isBlank()) {
                    problems.add("workflow.needs-reason");
                }
            }
            default -> {
            }
        }
        return problems;
    }
}

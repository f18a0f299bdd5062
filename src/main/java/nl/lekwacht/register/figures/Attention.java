package nl.lekwacht.register.figures;

import java.util.List;
import nl.lekwacht.register.Incident;

/**
 * What needs the privacy officer now.
 *
 * @param deadlines    incidents still awaiting the decision to report, soonest (or most overdue) deadline first
 * @param unassessed   reports (resident, staff, sender) nobody has looked at yet (status Nieuw), oldest first
 * @param needApprover decisions not to report that wait for the approver's name before they may be taken
 */
public record Attention(List<Incident> deadlines, List<Incident> unassessed, List<Incident> needApprover) {

    public Attention {
        deadlines = List.copyOf(deadlines);
        unassessed = List.copyOf(unassessed);
        needApprover = List.copyOf(needApprover);
    }

    public boolean nothing() {
        return deadlines.isEmpty() && unassessed.isEmpty() && needApprover.isEmpty();
    }
}

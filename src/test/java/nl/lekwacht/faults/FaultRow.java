package nl.lekwacht.faults;

import java.util.List;
import java.util.Map;

/**
 * One row of the fault table: what the client sent and was answered, what the sink counted, and the
 * proof that the fault took effect. {@code lost} are messages answered 250 that reached the sink
 * neither directly nor after their hold was released; {@code bsnLeaks} are messages with a BSN that
 * went out without a release (answered as delivered, or arrived with any verdict but a hold's).
 */
record FaultRow(String fault, int sent, int accepted, int delivered, int held, int released, int fourXx,
                int broken, int refused5xx, int lost, int duplicated, Map<String, Integer> duplicateReasons,
                int fourXxDuringFault, int brokenDuringFault, List<String> bsnLeaks, List<String> unanswered,
                long seconds) {

    static String header() {
        return "| fault | sent | accepted (250) | delivered | held | released | refused 4xx | broken connections "
                + "| refused 5xx | lost | duplicated | during the fault: 4xx / broken | BSN out during the fault | s |\n"
                + "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|";
    }

    String markdown() {
        String dup = duplicated == 0 ? "0" : duplicated + " (" + duplicateReasons + ")";
        return "| " + fault + " | " + sent + " | " + accepted + " | " + delivered + " | " + held + " | " + released
                + " | " + fourXx + " | " + broken + " | " + refused5xx + " | " + lost + " | " + dup + " | "
                + fourXxDuringFault + " / " + brokenDuringFault + " | " + bsnLeaks.size() + " | " + seconds + " |";
    }
}

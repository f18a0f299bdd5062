package nl.lekwacht.register;

import java.math.BigDecimal;
import java.util.List;

/**
 * ENISA's severity estimate of one incident, SE = DPC x EI + CB, with the reasoning behind each
 * factor, and the answers it suggests. Scores are kept in quarters so band edges compare exactly.
 *
 * @param dpc        data processing context, 1..4
 * @param eiQuarters ease of identification in quarters: 1 (0.25 negligible) .. 4 (1.0 maximum)
 * @param cbQuarters circumstances of the breach in quarters: 0, 1 (0.25), 2 (0.5), ...
 * @param reasons    why each factor has its value: text keys with one argument each
 * @param reportSuggested   suggested answer to "report to the AP?" (a suggestion, never a decision)
 * @param informSuggested   suggested answer to "inform the data subjects?"
 */
public record Assessment(int dpc, int eiQuarters, int cbQuarters, Level level, List<Reason> reasons,
                         boolean reportSuggested, boolean informSuggested) {

    /** One line of reasoning: a text key of the register bundle and its argument (may be empty). */
    public record Reason(String key, String argument) {
    }

    public Assessment {
        reasons = List.copyOf(reasons);
    }

    /** SE = DPC x EI + CB, exact. */
    public BigDecimal score() {
        return BigDecimal.valueOf(dpc * eiQuarters + cbQuarters).divide(BigDecimal.valueOf(4)).stripTrailingZeros();
    }

    public BigDecimal ei() {
        return BigDecimal.valueOf(eiQuarters).divide(BigDecimal.valueOf(4)).stripTrailingZeros();
    }

    public BigDecimal cb() {
        return BigDecimal.valueOf(cbQuarters).divide(BigDecimal.valueOf(4)).stripTrailingZeros();
    }

    /** Low < 2 <= Medium < 3 <= High < 4 <= Very high, on the score in quarters. */
    static Level band(int scoreQuarters) {
        if (scoreQuarters < 8) {
            return Level.LOW;
        }
        if (scoreQuarters < 12) {
            return Level.MEDIUM;
        }
        return scoreQuarters < 16 ? Level.HIGH : Level.VERY_HIGH;
    }
}

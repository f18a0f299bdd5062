package nl.lekwacht.register;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import nl.lekwacht.register.Choices.DataCategory;
import nl.lekwacht.register.Choices.Exposure;
import nl.lekwacht.register.Choices.Kind;

/**
 * ENISA's method for the severity of a personal data breach (Recommendations for a methodology of the
 * assessment of severity of personal data breaches, 2013), applied to the AP form's answers:
 * <ul>
 * <li>DPC, data processing context: simple data 1; behavioural (location) 2; financial data, IBAN, BSN
 *     or identity documents 3 (fraud and identity theft); special categories (art. 9) and criminal
 *     data (art. 10) 4; one more (at most 4) when {@value #LARGE_VOLUME} or more people are affected.</li>
 * <li>EI, ease of identification: 1 (maximum) with a BSN, identity document or names; 0.75
 *     (significant) with e-mail addresses or contact details, and when nothing is known (mail rarely
 *     lacks names).</li>
 * <li>CB, circumstances: loss of confidentiality 0 inside the organisation, 0.25 to known recipients
 *     (a trusted partner, a known correspondent), 0.5 to unknown recipients or private mailboxes;
 *     +0.5 for malicious intent (hack).</li>
 * </ul>
 * Suggests reporting to the AP from Medium up (a risk is likely) and informing the people from High
 * up (art. 34: high risk). Stateless.
 */
public final class SeverityEstimate {

    static final int LARGE_VOLUME = 100;
    private static final Set<DataCategory> FRAUD = EnumSet.of(DataCategory.BSN, DataCategory.IDENTITY_DOCUMENT,
            DataCategory.FINANCIAL, DataCategory.IBAN);
    private static final Set<DataCategory> IDENTIFYING = EnumSet.of(DataCategory.BSN,
            DataCategory.IDENTITY_DOCUMENT, DataCategory.NAME);

    public Assessment assess(Answers answers) {
        Set<DataCategory> data = answers.enums(Field.DATA_CATEGORIES, DataCategory.class);
        OptionalInt people = answers.number(Field.PEOPLE_MAX).isPresent() ? answers.number(Field.PEOPLE_MAX)
                : answers.number(Field.PEOPLE_MIN);
        Set<Exposure> exposure = answers.enums(Field.RECIPIENT_EXPOSURE, Exposure.class);
        Set<Kind> kind = answers.enums(Field.KIND, Kind.class);
        return assess(data, people, exposure.isEmpty() ? Exposure.UNKNOWN : exposure.iterator().next(),
                kind.contains(Kind.HACK));
    }

    Assessment assess(Set<DataCategory> data, OptionalInt people, Exposure exposure, boolean malicious) {
        List<Assessment.Reason> reasons = new ArrayList<>();
        int dpc;
        if (data.stream().anyMatch(DataCategory::special)) {
            dpc = 4;
            reasons.add(new Assessment.Reason("enisa.dpc.special", names(data, true)));
        } else if (data.stream().anyMatch(FRAUD::contains)) {
            dpc = 3;
            reasons.add(new Assessment.Reason("enisa.dpc.fraud", names(intersect(data, FRAUD), false)));
        } else if (data.contains(DataCategory.LOCATION)) {
            dpc = 2;
            reasons.add(new Assessment.Reason("enisa.dpc.behavioural", ""));
        } else {
            dpc = 1;
            reasons.add(new Assessment.Reason("enisa.dpc.simple", ""));
        }
        if (people.isPresent() && people.getAsInt() >= LARGE_VOLUME && dpc < 4) {
            dpc++;
            reasons.add(new Assessment.Reason("enisa.dpc.volume", Integer.toString(people.getAsInt())));
        }
        int ei;
        if (data.stream().anyMatch(IDENTIFYING::contains)) {
            ei = 4;
            reasons.add(new Assessment.Reason("enisa.ei.maximum", names(intersect(data, IDENTIFYING), false)));
        } else {
            ei = 3;
            reasons.add(new Assessment.Reason("enisa.ei.significant", ""));
        }
        int cb = switch (exposure) {
            case INTERNAL -> 0;
            case TRUSTED_PARTNER, KNOWN_RECIPIENT -> 1;
            case UNKNOWN_RECIPIENT, CONSUMER_MAILBOX, UNKNOWN -> 2;
        };
        reasons.add(new Assessment.Reason("enisa.cb." + exposure.name().toLowerCase(java.util.Locale.ROOT), ""));
        if (malicious) {
            cb += 2;
            reasons.add(new Assessment.Reason("enisa.cb.malicious", ""));
        }
        Level level = Assessment.band(dpc * ei + cb);
        boolean report = level.compareTo(Level.MEDIUM) >= 0;
        boolean inform = level.compareTo(Level.HIGH) >= 0;
        reasons.add(new Assessment.Reason(report ? "enisa.suggest.report" : "enisa.suggest.record-only", ""));
        reasons.add(new Assessment.Reason(inform ? "enisa.suggest.inform" : "enisa.suggest.no-inform", ""));
        return new Assessment(dpc, ei, cb, level, reasons, report, inform);
    }

    private static Set<DataCategory> intersect(Set<DataCategory> a, Set<DataCategory> b) {
        Set<DataCategory> result = EnumSet.noneOf(DataCategory.class);
        a.stream().filter(b::contains).forEach(result::add);
        return result;
    }

    private static String names(Set<DataCategory> data, boolean specialOnly) {
        return String.join(", ", data.stream().filter(d -> !specialOnly || d.special()).map(Enum::name).toList());
    }
}

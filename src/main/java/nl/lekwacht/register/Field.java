package nl.lekwacht.register;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.lekwacht.register.Choices.DataCategory;
import nl.lekwacht.register.Choices.Exposure;
import nl.lekwacht.register.Choices.Group;
import nl.lekwacht.register.Choices.Informed;
import nl.lekwacht.register.Choices.Kind;
import nl.lekwacht.register.Choices.Nature;

/**
 * One answer of the AP's notification form, in the order of the form. Every answer is kept as text:
 * enum names (comma-separated for several), ISO-8601 instants, whole numbers or free text. Names are
 * stored, exported and used in the API: add, never rename.
 */
public enum Field {
    KIND(Section.SUMMARY, Type.CHOICE, Kind.class),
    SUMMARY(Section.SUMMARY, Type.TEXT, null),
    SENDER_STATEMENT(Section.SUMMARY, Type.TEXT, null),
    STARTED_AT(Section.TIMELINE, Type.INSTANT, null),
    ENDED_AT(Section.TIMELINE, Type.INSTANT, null),
    DISCOVERED_AT(Section.TIMELINE, Type.INSTANT, null),
    DEADLINE_AT(Section.TIMELINE, Type.INSTANT, null),
    LATE_REASON(Section.TIMELINE, Type.TEXT, null),
    NATURE(Section.NATURE, Type.MULTI, Nature.class),
    DATA_CATEGORIES(Section.DATA, Type.MULTI, DataCategory.class),
    RECORDS_COUNT(Section.DATA, Type.NUMBER, null),
    PEOPLE_MIN(Section.PEOPLE, Type.NUMBER, null),
    PEOPLE_MAX(Section.PEOPLE, Type.NUMBER, null),
    GROUPS(Section.PEOPLE, Type.MULTI, Group.class),
    RECIPIENT_DOMAINS(Section.PEOPLE, Type.TEXT, null),
    RECIPIENT_EXPOSURE(Section.PEOPLE, Type.CHOICE, Exposure.class),
    MEASURES_BEFORE(Section.MEASURES_BEFORE, Type.TEXT, null),
    CONSEQUENCES(Section.CONSEQUENCES, Type.TEXT, null),
    SEVERITY(Section.CONSEQUENCES, Type.CHOICE, Level.class),
    SUBJECTS_INFORMED(Section.SUBJECTS, Type.CHOICE, Informed.class),
    SUBJECTS_INFORMED_HOW(Section.SUBJECTS, Type.TEXT, null),
    SUBJECTS_INFORMED_COUNT(Section.SUBJECTS, Type.NUMBER, null),
    MEASURES_TAKEN(Section.MEASURES_TAKEN, Type.TEXT, null),
    AP_REPORTED_AT(Section.AP_REPORT, Type.INSTANT, null),
    AP_REFERENCE(Section.AP_REPORT, Type.TEXT, null),
    AMENDMENTS(Section.AP_REPORT, Type.TEXT, null),
    WITHDRAWAL_REASON(Section.AP_REPORT, Type.TEXT, null),
    NOT_REPORTED_REASON(Section.DECISION, Type.TEXT, null),
    NOT_REPORTED_APPROVED_BY(Section.DECISION, Type.TEXT, null);

    /** The form's sections, in order. */
    public enum Section { SUMMARY, TIMELINE, NATURE, DATA, PEOPLE, MEASURES_BEFORE, CONSEQUENCES, SUBJECTS,
        MEASURES_TAKEN, AP_REPORT, DECISION }

    public enum Type { TEXT, INSTANT, NUMBER, CHOICE, MULTI }

    private final Section section;
    private final Type type;
    private final Class<? extends Enum<?>> choices;

    Field(Section section, Type type, Class<? extends Enum<?>> choices) {
        this.section = section;
        this.type = type;
        this.choices = choices;
    }

    public Section section() {
        return section;
    }

    public Type type() {
        return type;
    }

    /** The allowed values of a CHOICE or MULTI field; empty for others. */
    public List<String> choices() {
        if (choices == null) {
            return List.of();
        }
        return Arrays.stream(choices.getEnumConstants()).map(Enum::name).toList();
    }

    /** Lower-case name with dashes, as used in form fields and text keys. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Fields of one section, in form order. */
    public static List<Field> of(Section section) {
        return Arrays.stream(values()).filter(f -> f.section == section).toList();
    }

    public static Optional<Field> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key().equals(key) || f.name().equals(key)).findFirst();
    }

    /** Computed from another field, never edited ({@link #DEADLINE_AT} follows {@link #DISCOVERED_AT}). */
    public boolean computed() {
        return this == DEADLINE_AT;
    }
}

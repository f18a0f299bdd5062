package nl.lekwacht.register;

import java.util.List;

/**
 * The sections of the AP's notification form (meldformulier datalekken), in the AP's order, with the
 * register's answers each one takes. The register's own form groups its fields a little differently
 * ({@link Field.Section}); this is the order the privacy officer copies them into the AP's portal and
 * the order of the dossier PDF. Contact details come from configuration, not from the incident.
 */
public enum ApSection {
    CONTACT(List.of()),
    TIMELINE(List.of(Field.SUMMARY, Field.STARTED_AT, Field.ENDED_AT, Field.DISCOVERED_AT, Field.DEADLINE_AT,
            Field.LATE_REASON)),
    NATURE(List.of(Field.KIND, Field.NATURE)),
    DATA(List.of(Field.DATA_CATEGORIES, Field.RECORDS_COUNT)),
    PEOPLE(List.of(Field.PEOPLE_MIN, Field.PEOPLE_MAX, Field.GROUPS, Field.RECIPIENT_EXPOSURE,
            Field.RECIPIENT_DOMAINS)),
    MEASURES_BEFORE(List.of(Field.MEASURES_BEFORE)),
    CONSEQUENCES(List.of(Field.CONSEQUENCES, Field.SEVERITY)),
    FOLLOW_UP(List.of(Field.SUBJECTS_INFORMED, Field.SUBJECTS_INFORMED_HOW, Field.SUBJECTS_INFORMED_COUNT,
            Field.MEASURES_TAKEN, Field.AP_REPORTED_AT, Field.AP_REFERENCE, Field.AMENDMENTS));

    private final List<Field> fields;

    ApSection(List<Field> fields) {
        this.fields = fields;
    }

    /** The register's answers this section takes, in the AP's order. */
    public List<Field> fields() {
        return fields;
    }
}

package nl.lekwacht.web.register;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.lekwacht.register.ApSection;
import nl.lekwacht.register.Field;
import nl.lekwacht.register.Incident;
import nl.lekwacht.register.Workflow;

/**
 * One incident's answers laid out as the AP's notification form, section by section in the AP's
 * order, each answer with where it stands: derived by Lekwacht and not yet confirmed, confirmed (or
 * typed) by a person, taken from the configuration, or still empty. The page and the dossier PDF both
 * render it. Immutable.
 *
 * @param parts the sections in the AP's order
 * @param late  the notification comes after the 72-hour deadline: the late reason is required
 */
public record ApView(List<Part> parts, boolean late) {

    /** Where an answer stands. */
    public enum State { DERIVED, CONFIRMED, CONFIGURED, EMPTY }

    /**
     * One answer.
     *
     * @param key      a stable id for the page (anchors, element ids)
     * @param required the workflow needs it now (the late reason after the deadline)
     */
    public record Row(String key, String label, String value, State state, boolean required) {
    }

    /** One section: its number in the AP's form, title and answers. */
    public record Part(int number, ApSection section, String title, List<Row> rows) {
    }

    public ApView {
        parts = List.copyOf(parts);
    }

    /**
     * @param officerEmail {@code register.privacy-officer-email}, the AP's contact; may be empty
     */
    public static ApView of(Incident incident, Display d, String officerEmail, Instant now) {
        // open incidents are late once the deadline passed; decided ones only if their AP date was
        boolean concerned = incident.status().awaitsDecision()
                || incident.answers().instant(Field.AP_REPORTED_AT).isPresent();
        boolean late = concerned && Workflow.late(incident.answers(), now);
        List<Part> parts = new ArrayList<>();
        for (ApSection section : ApSection.values()) {
            List<Row> rows = new ArrayList<>();
            if (section == ApSection.CONTACT) {
                rows.add(new Row("contact-email", d.get("ap.contact.email"), officerEmail,
                        officerEmail.isBlank() ? State.EMPTY : State.CONFIGURED, false));
                rows.add(new Row("contact-organisation", d.get("ap.contact.organisation"),
                        d.get("ap.contact.organisation.value"), State.CONFIGURED, false));
            }
            for (Field field : section.fields()) {
                String value = d.value(field, incident.answers());
                State state = value.isEmpty() ? State.EMPTY
                        : incident.answers().isDerived(field) ? State.DERIVED : State.CONFIRMED;
                rows.add(new Row(field.key(), d.label(field, incident), value, state,
                        field == Field.LATE_REASON && late));
            }
            parts.add(new Part(section.ordinal() + 1, section, d.get("ap.section." + section.name()), rows));
        }
        return new ApView(parts, late);
    }
}

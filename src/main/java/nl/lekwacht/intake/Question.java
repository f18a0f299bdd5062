package nl.lekwacht.intake;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One question of the report forms, in form order. {@link #label} is the Dutch question as the
 * register keeps it next to the answer; the pages show their own translations. The contact answers
 * (phone, e-mail) are not questions: they are kept apart, see {@link Report}.
 */
public enum Question {
    WHAT_HAPPENED(Kind.TEXT, false, true, "Wat is er gebeurd?"),
    WHEN(Kind.LINE, false, false, "Wanneer gebeurde het of merkte u het?"),
    WHICH_DATA(Kind.TEXT, false, false, "Om welke gegevens gaat het?"),
    DATA_LOST(Kind.YES_NO, false, false, "Zijn er persoonsgegevens (definitief) verloren gegaan?"),
    RECEIVED_OTHERS_DATA(Kind.YES_NO, false, false, "Heeft u persoonsgegevens van iemand anders ontvangen?"),
    OWN_DATA_RECEIVED(Kind.YES_NO, false, false,
            "Heeft u het vermoeden dat iemand anders uw gegevens onbevoegd heeft ontvangen?"),
    MISDELIVERED_POST(Kind.YES_NO, false, false, "Is er een poststuk van ons verkeerd bij u bezorgd?"),
    DEPARTMENT(Kind.LINE, true, false, "Afdeling"),
    SYSTEMS(Kind.TEXT, true, false, "Betrokken systemen");

    /** Free text, one line, or yes / no / don't know. */
    public enum Kind { TEXT, LINE, YES_NO }

    /** The answers a {@link Kind#YES_NO} question takes (empty: not answered). */
    public static final List<String> YES_NO_ANSWERS = List.of("yes", "no", "unknown");

    private final Kind kind;
    private final boolean staffOnly;
    private final boolean required;
    private final String label;

    Question(Kind kind, boolean staffOnly, boolean required, String label) {
        this.kind = kind;
        this.staffOnly = staffOnly;
        this.required = required;
        this.label = label;
    }

    public Kind kind() {
        return kind;
    }

    public boolean required() {
        return required;
    }

    public String label() {
        return label;
    }

    /** The form field's name, e.g. {@code what-happened}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The questions of the resident's form, or of the staff form (which adds department and systems). */
    public static List<Question> of(boolean staff) {
        return Arrays.stream(values()).filter(q -> staff || !q.staffOnly).toList();
    }
}

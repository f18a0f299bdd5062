package nl.lekwacht.intake;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One question of the report forms, in form order. {@link #label} is the Dutch question as the
 * register keeps it next to the answer; the pages show their own translations. The contact answers
 * (phone, e-mail) are not questions: they are kept apart, see {@link Report}. Residents are asked
 * about their own data and post; staff about their department, the systems, who noticed, what was
 * done already and whether the data is back. Names are stored with the answers: add, never rename.
 */
public enum Question {
    DEPARTMENT(Kind.LINE, Audience.STAFF, false, "Afdeling"),
    WHAT_HAPPENED(Kind.TEXT, Audience.BOTH, true, "Wat is er gebeurd?"),
    WHEN(Kind.LINE, Audience.BOTH, false, "Wanneer gebeurde het of merkte u het?"),
    WHO_NOTICED(Kind.LINE, Audience.STAFF, false, "Wie merkte het op, en hoe?"),
    SYSTEMS(Kind.TEXT, Audience.STAFF, false, "Betrokken systemen"),
    WHICH_DATA(Kind.TEXT, Audience.BOTH, false, "Om welke gegevens gaat het?"),
    PEOPLE_COUNT(Kind.LINE, Audience.STAFF, false, "Van hoeveel personen zijn gegevens betrokken (ongeveer)?"),
    RECIPIENTS(Kind.TEXT, Audience.STAFF, false, "Wie heeft de gegevens ontvangen of kon ze inzien?"),
    ACTIONS_TAKEN(Kind.TEXT, Audience.STAFF, false, "Wat is er al gedaan?"),
    DATA_BACK(Kind.YES_NO, Audience.STAFF, false, "Zijn de gegevens terug of aantoonbaar verwijderd?"),
    DATA_LOST(Kind.YES_NO, Audience.BOTH, false, "Zijn er persoonsgegevens (definitief) verloren gegaan?"),
    RECEIVED_OTHERS_DATA(Kind.YES_NO, Audience.RESIDENT, false, "Heeft u persoonsgegevens van iemand anders ontvangen?"),
    OWN_DATA_RECEIVED(Kind.YES_NO, Audience.RESIDENT, false,
            "Heeft u het vermoeden dat iemand anders uw gegevens onbevoegd heeft ontvangen?"),
    MISDELIVERED_POST(Kind.YES_NO, Audience.RESIDENT, false, "Is er een poststuk van ons verkeerd bij u bezorgd?");

    /** Free text, one line, or yes / no / don't know. */
    public enum Kind { TEXT, LINE, YES_NO }

    /** Whose form asks it. */
    public enum Audience { RESIDENT, STAFF, BOTH }

    /** The answers a {@link Kind#YES_NO} question takes (empty: not answered). */
    public static final List<String> YES_NO_ANSWERS = List.of("yes", "no", "unknown");

    private final Kind kind;
    private final Audience audience;
    private final boolean required;
    private final String label;

    Question(Kind kind, Audience audience, boolean required, String label) {
        this.kind = kind;
        this.audience = audience;
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

    /** The questions of the resident's form, or of the staff form. */
    public static List<Question> of(boolean staff) {
        Audience own = staff ? Audience.STAFF : Audience.RESIDENT;
        return Arrays.stream(values()).filter(q -> q.audience == own || q.audience == Audience.BOTH).toList();
    }

    /** The Dutch word for a yes/no answer as the register keeps it ({@code yes} becomes "Ja"). */
    public static String dutchAnswer(String answer) {
        return switch (answer) {
            case "yes" -> "Ja";
            case "no" -> "Nee";
            case "unknown" -> "Weet ik niet";
            default -> answer;
        };
    }
}

package nl.lekwacht.hold;

import java.util.Locale;
import java.util.Optional;

/** What the sender (or an admin) can do with a held message; the form values are a web contract. */
public enum HoldAction {
    /** Send as it is. */
    SEND("send"),
    /** Send with the visible external recipients taken out of To/Cc (they still receive it). */
    SEND_BCC("send-bcc"),
    /** Send to every recipient except the ones chosen. */
    REMOVE_RECIPIENT("remove-recipient"),
    /** Send to the address the detector suggested instead of a misdirected recipient. */
    REPLACE_RECIPIENT("replace-recipient"),
    /** Send with the chosen attachments replaced by a line saying they were withheld. */
    SEND_WITHOUT_ATTACHMENTS("send-without-attachments"),
    /** Send nothing. */
    CANCEL("cancel");

    private final String formValue;

    HoldAction(String formValue) {
        this.formValue = formValue;
    }

    public String formValue() {
        return formValue;
    }

    public boolean sends() {
        return this != CANCEL;
    }

    public static Optional<HoldAction> fromForm(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (HoldAction action : values()) {
            if (action.formValue.equals(v)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}

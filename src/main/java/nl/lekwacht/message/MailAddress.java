package nl.lekwacht.message;

import java.util.Locale;
import java.util.Objects;

/**
 * One address as it stands in a header, with the display name the sender's client showed.
 *
 * @param address     the addr-spec, as written (case kept)
 * @param displayName the phrase before the angle brackets, empty when there was none
 */
public record MailAddress(String address, String displayName) {

    public MailAddress {
        Objects.requireNonNull(address, "address");
        displayName = displayName == null ? "" : displayName;
    }

    /** Domain part in lower case; empty when the address has no {@code @}. */
    public String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** Local part as written. */
    public String localPart() {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }
}

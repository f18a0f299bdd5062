package nl.lekwacht.message;

/**
 * An address every recipient of the message can read: one that stands in {@code To} or {@code Cc}.
 *
 * @param field  the header it stands in, {@code To} or {@code Cc}
 */
public record VisibleRecipient(MailAddress mailAddress, String field) {

    public String address() {
        return mailAddress.address();
    }
}

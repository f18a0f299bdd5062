package nl.lekwacht.inspect;

/**
 * The stable codes of everything the gateway can find. Configuration, the register, the JSON output
 * and outside checks use these names: add new ones, never rename.
 */
public enum FindingCode {
    /** To/Cc exposes external addresses that should have been Bcc. */
    VISIBLE_RECIPIENTS,
    /** A recipient resembles a known correspondent but is not one. */
    MISDIRECTED_RECIPIENT,
    /** A recipient domain nobody in the organisation mailed before, on a message with personal data. */
    NEW_RECIPIENT_WITH_PERSONAL_DATA,
    /** Citizen service numbers (burgerservicenummers). */
    BSN,
    /** Bank account numbers. */
    IBAN,
    /** Special categories of personal data (AVG art. 9) and criminal data (art. 10). */
    SPECIAL_CATEGORY,
    /** An attachment whose content could not be read: encrypted, corrupt, over a limit. */
    UNINSPECTABLE_ATTACHMENT
}

package nl.lekwacht.register;

/** The closed answer sets of the AP form; their names are stored and exported, so add, never rename. */
final class Choices {

    private Choices() {
    }

    /** Soort inbreuk. */
    public enum Kind { WRONG_RECIPIENT, VISIBLE_RECIPIENTS, WRONG_ATTACHMENT, LOST_DEVICE, LETTER_WRONG_ADDRESS,
        HACK, OTHER }

    /** Aard van de inbreuk. */
    public enum Nature { CONFIDENTIALITY, INTEGRITY, AVAILABILITY }

    /** Soorten persoonsgegevens: general ones, special categories (art. 9) and criminal data (art. 10). */
    public enum DataCategory {
        NAME, CONTACT, EMAIL_ADDRESS, BSN, IDENTITY_DOCUMENT, FINANCIAL, IBAN, LOCATION, OTHER_GENERAL,
        HEALTH, RELIGION, ETHNICITY, POLITICS, UNION, GENETIC, BIOMETRIC, SEXUAL_ORIENTATION, CRIMINAL;

        public boolean special() {
            return ordinal() >= HEALTH.ordinal();
        }
    }

    /** Groepen betrokkenen. */
    public enum Group { RESIDENTS, CLIENTS, EMPLOYEES, MINORS, VULNERABLE, OTHER }

    /** Who received the data: decides ENISA's circumstances of the breach. */
    public enum Exposure { INTERNAL, TRUSTED_PARTNER, KNOWN_RECIPIENT, UNKNOWN_RECIPIENT, CONSUMER_MAILBOX,
        UNKNOWN }

    /** Betrokkenen geïnformeerd. */
    public enum Informed { YES, WILL, NO, UNKNOWN }

    public enum YesNo { YES, NO }
}

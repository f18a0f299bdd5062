package nl.lekwacht.history;

import java.time.Instant;

/**
 * What history needs from the store; the store package implements it (JDBC on H2 or PostgreSQL).
 * Implementations are thread-safe and may be shared by several gateway instances.
 */
public interface HistoryStore {

    /**
     * Adds one delivered message, atomically; a failure leaves nothing half-written.
     *
     * @return false when a message with the same sender and {@link LearnedMessage#messageKey()} was
     *         recorded before (then nothing changes); a message without a key is always recorded
     */
    boolean record(LearnedMessage message);

    /**
     * Adds delivered messages, as {@link #record} would one after the other (a message known before is
     * left out), but in one transaction: a failure leaves none of them written. What the history writer
     * calls with what queued up while it wrote the batch before.
     */
    default void recordAll(java.util.List<LearnedMessage> messages) {
        messages.forEach(this::record);
    }

    /**
     * Takes back what was learned from one message, as if it had never been sent: each recipient's count
     * goes down by one, and a recipient known only from it is forgotten. The message stays known, so it
     * is not learned again.
     *
     * @return the recipients it had, empty when the message is unknown or was unlearned before
     */
    java.util.Set<String> unlearn(String sender, String messageKey);

    /** The sender's history, leaving out everything last mailed before {@code since}. */
    SenderHistory loadSender(String sender, Instant since);

    /** Every external address and domain mailed since {@code since}. */
    OrganisationHistory loadOrganisation(Instant since);

    /** Forgets everything last mailed before {@code before}; returns how many rows went. */
    int purge(Instant before);
}

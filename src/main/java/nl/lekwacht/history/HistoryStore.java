package nl.lekwacht.history;

import java.time.Instant;

/**
 * What history needs from the store; the store package implements it (JDBC on H2 or PostgreSQL).
 * Implementations are thread-safe and may be shared by several gateway instances.
 */
public interface HistoryStore {

    /** Adds one delivered message, atomically; a failure leaves nothing half-written. */
    void record(LearnedMessage message);

    /** The sender's history, leaving out everything last mailed before {@code since}. */
    SenderHistory loadSender(String sender, Instant since);

    /** Every external address and domain mailed since {@code since}. */
    OrganisationHistory loadOrganisation(Instant since);

    /** Forgets everything last mailed before {@code before}; returns how many rows went. */
    int purge(Instant before);
}

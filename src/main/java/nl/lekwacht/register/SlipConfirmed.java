package nl.lekwacht.register;

/**
 * Told when a message that went out is known to have reached the wrong people: its sender reported it
 * through the notice's link, or the privacy officer recorded its misdirected-recipient incident as a
 * breach. Whoever learned from the message (the sender's correspondent history) takes it back, so a
 * slip that went out does not make its recipient a known correspondent. Called after the register's
 * own change is stored; a failure here never undoes it.
 */
@FunctionalInterface
public interface SlipConfirmed {

    SlipConfirmed NONE = (sender, messageId) -> { };

    /**
     * @param sender    the envelope sender of the message
     * @param messageId its Message-ID as written; empty when it had none (then nothing can be found)
     */
    void confirmed(String sender, String messageId);

    /** The message behind {@code incident}, when it has one. */
    static void tell(SlipConfirmed slips, Incident incident) {
        incident.message().filter(facts -> !facts.messageId().isEmpty())
                .ifPresent(facts -> {
                    try {
                        slips.confirmed(facts.sender(), facts.messageId());
                    } catch (RuntimeException e) {
                        org.slf4j.LoggerFactory.getLogger(SlipConfirmed.class)
                                .warn("incident {}: history not corrected: {}", incident.id(), e.toString());
                    }
                });
    }
}

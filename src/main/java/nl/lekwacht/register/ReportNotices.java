package nl.lekwacht.register;

import java.util.Optional;

/**
 * Tells the sender of a delivered message with findings where to report it if it went wrong
 * ({@code /r/{token}}). Implementations issue the link and send the notice; they must not throw.
 */
@FunctionalInterface
interface ReportNotices {

    ReportNotices NONE = (message, incident) -> { };

    /**
     * @param incident the incident already opened for it, when the policy recorded one
     */
    void delivered(MessageFacts message, Optional<Incident> incident);
}

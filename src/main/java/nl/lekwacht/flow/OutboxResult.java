package nl.lekwacht.flow;

import java.util.List;
import java.util.Map;

/**
 * What became of each recipient of one {@link Outbox} attempt.
 *
 * @param accepted  the relay accepted the message for these
 * @param temporary these failed for now (4xx, or the relay could not be reached): try again later
 * @param permanent these were refused for good (5xx), with the relay's reply
 */
public record OutboxResult(List<String> accepted, Map<String, Failure> temporary, Map<String, Failure> permanent) {

    public OutboxResult {
        accepted = List.copyOf(accepted);
        temporary = Map.copyOf(temporary);
        permanent = Map.copyOf(permanent);
    }

    /**
     * A refusal as the relay gave it.
     *
     * @param code         the reply code (4xx or 5xx)
     * @param enhancedCode its enhanced status code (RFC 3463), empty when it gave none
     * @param text         the reply's text, its lines separated by {@code \n}
     */
    public record Failure(int code, String enhancedCode, String text) {

        public boolean isTransient() {
            return code >= 400 && code < 500;
        }

        @Override
        public String toString() {
            return code + " " + String.join(" / ", text.split("\n", -1));
        }
    }
}

package nl.lekwacht.inspect.recipients;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.lekwacht.history.MessageKey;
import nl.lekwacht.history.SenderHistory;
import nl.lekwacht.message.OutboundMessage;

/**
 * Whom the thread a message continues was with: the external recipients of the sender's own earlier
 * messages that its In-Reply-To and References name (looked up by {@link MessageKey}, so no Message-ID
 * or subject is kept). A reply in a thread with one correspondent that goes to a look-alike of that
 * correspondent is a slip; a reply in the look-alike's own thread is not. Pure.
 */
final class ThreadContext {

    private final Set<String> participants;

    private ThreadContext(Set<String> participants) {
        this.participants = participants;
    }

    static ThreadContext of(OutboundMessage message, SenderHistory own) {
        List<String> keys = new ArrayList<>();
        for (String id : message.headers().references()) {
            keys.add(MessageKey.of(message.envelope().sender(), id));
        }
        return new ThreadContext(keys.isEmpty() ? Set.of() : own.threadRecipients(keys));
    }

    /** True when the message continues a known thread of the sender's. */
    boolean known() {
        return !participants.isEmpty();
    }

    /** True when {@code address} (a key) received mail in this thread. */
    boolean includes(String address) {
        return participants.contains(address);
    }
}

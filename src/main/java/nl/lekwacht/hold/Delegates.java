package nl.lekwacht.hold;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who may decide in a sender's place once a hold is escalated ({@code hold.escalate-to}): configured for
 * the sender's address (a person or a shared mailbox), else for its domain or the nearest parent domain.
 * The envelope sender is looked up first, then an internal {@code Sender:}. Never the sender itself.
 * Immutable.
 */
final class Delegates {

    private final Map<String, String> byAddressOrDomain;

    /** @param byAddressOrDomain lower-case address or domain to the delegate's address */
    Delegates(Map<String, String> byAddressOrDomain) {
        this.byAddressOrDomain = Map.copyOf(byAddressOrDomain);
    }

    Optional<String> of(HeldMessage hold) {
        if (byAddressOrDomain.isEmpty()) {
            return Optional.empty();
        }
        List<String> senders = new ArrayList<>();
        senders.add(hold.sender());
        senders.addAll(hold.details().notifyTo());
        for (String sender : senders) {
            Optional<String> delegate = lookUp(sender.toLowerCase(Locale.ROOT));
            if (delegate.isPresent() && senders.stream().noneMatch(s -> s.equalsIgnoreCase(delegate.get()))) {
                return delegate;
            }
        }
        return Optional.empty();
    }

    private Optional<String> lookUp(String address) {
        if (byAddressOrDomain.containsKey(address)) {
            return Optional.of(byAddressOrDomain.get(address));
        }
        for (String domain = address.substring(address.lastIndexOf('@') + 1); !domain.isEmpty();
             domain = domain.contains(".") ? domain.substring(domain.indexOf('.') + 1) : "") {
            if (byAddressOrDomain.containsKey(domain)) {
                return Optional.of(byAddressOrDomain.get(domain));
            }
        }
        return Optional.empty();
    }
}

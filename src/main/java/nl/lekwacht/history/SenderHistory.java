package nl.lekwacht.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one internal sender has mailed outside the organisation: each correspondent, and the
 * groups of external recipients that saw each other on a message. An immutable snapshot; safe to
 * share between threads.
 */
public final class SenderHistory {

    private final String sender;
    private final long messages;
    private final Map<String, Correspondent> correspondents;
    private final List<RecipientGroup> groups;
    private final Map<String, List<RecipientGroup>> groupsByMember;
    private final Map<String, Set<String>> messagesByKey;
    private final Memo<SenderHistory> memo = new Memo<>();

    /**
     * @param sender         {@link AddressKey} of the sender
     * @param messages       delivered messages with at least one external recipient
     * @param correspondents one entry per address
     * @param groups         one entry per distinct set of visible external recipients
     */
    public SenderHistory(String sender, long messages, Collection<Correspondent> correspondents,
                         Collection<RecipientGroup> groups) {
        this(sender, messages, correspondents, groups, Map.of());
    }

    /**
     * @param messagesByKey per {@link MessageKey} of a sent message, its external recipients: what a
     *                      reply's References lead back to
     */
    public SenderHistory(String sender, long messages, Collection<Correspondent> correspondents,
                         Collection<RecipientGroup> groups, Map<String, Set<String>> messagesByKey) {
        this.messagesByKey = Collections.unmodifiableMap(messagesByKey);
        this.sender = sender;
        this.messages = messages;
        Map<String, Correspondent> byAddress = new HashMap<>();
        correspondents.forEach(c -> byAddress.put(c.address(), c));
        this.correspondents = Collections.unmodifiableMap(byAddress);
        this.groups = List.copyOf(groups);
        Map<String, List<RecipientGroup>> byMember = new HashMap<>();
        for (RecipientGroup group : this.groups) {
            for (String member : group.members()) {
                byMember.computeIfAbsent(member, m -> new ArrayList<>(2)).add(group);
            }
        }
        this.groupsByMember = byMember;
    }

    public static SenderHistory empty(String sender) {
        return new SenderHistory(sender, 0, List.of(), List.of());
    }

    public String sender() {
        return sender;
    }

    /** Delivered messages with at least one external recipient: the measure of the learning period. */
    public long messages() {
        return messages;
    }

    /** @param address an {@link AddressKey} */
    public Optional<Correspondent> correspondent(String address) {
        return Optional.ofNullable(correspondents.get(address));
    }

    /** How many messages the sender sent to {@code address} (an {@link AddressKey}); 0 when never. */
    public long messagesTo(String address) {
        Correspondent c = correspondents.get(address);
        return c == null ? 0 : c.messages();
    }

    public Collection<Correspondent> correspondents() {
        return correspondents.values();
    }

    public List<RecipientGroup> groups() {
        return groups;
    }

    /**
     * How many earlier messages showed all of {@code addresses} (keys) to each other: the messages of
     * every recorded group that contains them all.
     */
    public long timesSeenTogether(Set<String> addresses) {
        if (addresses.isEmpty()) {
            return 0;
        }
        List<RecipientGroup> candidates = null;
        for (String address : addresses) {
            List<RecipientGroup> withIt = groupsByMember.getOrDefault(address, List.of());
            if (candidates == null || withIt.size() < candidates.size()) {
                candidates = withIt;
            }
        }
        long times = 0;
        for (RecipientGroup group : candidates) {
            if (group.members().containsAll(addresses)) {
                times += group.messages();
            }
        }
        return times;
    }

    /** True when {@code a} and {@code b} (keys) ever stood together in To/Cc of one message. */
    public boolean seenTogether(String a, String b) {
        for (RecipientGroup group : groupsByMember.getOrDefault(a, List.of())) {
            if (group.members().contains(b)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The external recipients of the sender's earlier messages among {@code messageKeys} (the thread a
     * message continues); empty when none of them is known.
     */
    public Set<String> threadRecipients(Collection<String> messageKeys) {
        Set<String> recipients = new java.util.HashSet<>();
        for (String key : messageKeys) {
            recipients.addAll(messagesByKey.getOrDefault(key, Set.of()));
        }
        return recipients;
    }

    /** A value computed once from this snapshot (see {@link Derived}). */
    public <T> T derived(Derived<SenderHistory, T> derivation) {
        return memo.get(derivation, this);
    }

    /** This history after one more delivered message; {@code this} is left unchanged. */
    public SenderHistory plus(LearnedMessage message) {
        if (message.recipients().isEmpty()) {
            return this;
        }
        Map<String, Correspondent> next = new HashMap<>(correspondents);
        for (LearnedMessage.LearnedRecipient r : message.recipients()) {
            Correspondent known = next.get(r.address());
            next.put(r.address(), known == null
                    ? new Correspondent(r.address(), 1, message.at(), message.at(),
                            r.displayName().isEmpty() ? Set.of() : Set.of(r.displayName()))
                    : known.plus(message.at(), r.displayName()));
        }
        List<RecipientGroup> nextGroups = groups;
        if (!message.visibleGroup().isEmpty()) {
            nextGroups = new ArrayList<>(groups.size() + 1);
            boolean found = false;
            for (RecipientGroup g : groups) {
                if (!found && g.members().equals(message.visibleGroup())) {
                    Instant last = message.at().isAfter(g.lastSent()) ? message.at() : g.lastSent();
                    nextGroups.add(new RecipientGroup(g.members(), g.messages() + 1, last));
                    found = true;
                } else {
                    nextGroups.add(g);
                }
            }
            if (!found) {
                nextGroups.add(new RecipientGroup(message.visibleGroup(), 1, message.at()));
            }
        }
        Map<String, Set<String>> nextMessages = messagesByKey;
        if (!message.messageKey().isEmpty()) {
            nextMessages = new HashMap<>(messagesByKey);
            nextMessages.put(message.messageKey(), Set.copyOf(message.addresses()));
        }
        return new SenderHistory(sender, messages + 1, next.values(), nextGroups, nextMessages);
    }
}

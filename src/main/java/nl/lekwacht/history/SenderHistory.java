package nl.lekwacht.history;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pcollections.HashTreePMap;
import org.pcollections.HashTreePSet;
import org.pcollections.PMap;
import org.pcollections.PSet;

/**
 * Everything one internal sender has mailed outside the organisation: each correspondent, and the
 * groups of external recipients that saw each other on a message. An immutable snapshot; safe to
 * share between threads.
 *
 * <p>{@link #plus} is on the hot path (every delivered message). The groups and the sent messages,
 * which grow with every message (each has its own Message-ID), are persistent maps, so the next
 * snapshot shares all but one path with this one instead of copying them. The correspondents are
 * copied: the detectors walk them in map order and break ties by that order, so they keep the
 * plain map they always had (one entry per address, a few dozen to a few thousand).
 */
public final class SenderHistory {

    private final String sender;
    private final long messages;
    private final Map<String, Correspondent> correspondents;
    private final PMap<Set<String>, RecipientGroup> groups;
    private final PMap<String, PSet<Set<String>>> groupsByMember;
    private final PMap<String, Set<String>> messagesByKey;
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
        this(sender, messages, byAddress(correspondents), byMembers(groups), HashTreePMap.from(messagesByKey));
    }

    private SenderHistory(String sender, long messages, Map<String, Correspondent> correspondents,
                          PMap<Set<String>, RecipientGroup> groups, PMap<String, Set<String>> messagesByKey) {
        this(sender, messages, correspondents, groups, memberships(groups.keySet()), messagesByKey);
    }

    private SenderHistory(String sender, long messages, Map<String, Correspondent> correspondents,
                          PMap<Set<String>, RecipientGroup> groups, PMap<String, PSet<Set<String>>> groupsByMember,
                          PMap<String, Set<String>> messagesByKey) {
        this.sender = sender;
        this.messages = messages;
        this.correspondents = correspondents;
        this.groups = groups;
        this.groupsByMember = groupsByMember;
        this.messagesByKey = messagesByKey;
    }

    private static Map<String, Correspondent> byAddress(Collection<Correspondent> correspondents) {
        Map<String, Correspondent> byAddress = new HashMap<>();
        correspondents.forEach(c -> byAddress.put(c.address(), c));
        return Collections.unmodifiableMap(byAddress);
    }

    /** One entry per member set; two entries with the same members (not from the store) are added up. */
    private static PMap<Set<String>, RecipientGroup> byMembers(Collection<RecipientGroup> groups) {
        Map<Set<String>, RecipientGroup> byMembers = new HashMap<>();
        for (RecipientGroup g : groups) {
            byMembers.merge(g.members(), g, (a, b) -> new RecipientGroup(a.members(), a.messages() + b.messages(),
                    a.lastSent().isAfter(b.lastSent()) ? a.lastSent() : b.lastSent()));
        }
        return HashTreePMap.from(byMembers);
    }

    private static PMap<String, PSet<Set<String>>> memberships(Collection<Set<String>> groups) {
        Map<String, Set<Set<String>>> byMember = new HashMap<>();
        for (Set<String> members : groups) {
            for (String member : members) {
                byMember.computeIfAbsent(member, m -> new java.util.HashSet<>(2)).add(members);
            }
        }
        PMap<String, PSet<Set<String>>> memberships = HashTreePMap.empty();
        for (Map.Entry<String, Set<Set<String>>> e : byMember.entrySet()) {
            memberships = memberships.plus(e.getKey(), HashTreePSet.from(e.getValue()));
        }
        return memberships;
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

    /** Every group, in no particular order. */
    public List<RecipientGroup> groups() {
        return List.copyOf(groups.values());
    }

    /**
     * How many earlier messages showed all of {@code addresses} (keys) to each other: the messages of
     * every recorded group that contains them all.
     */
    public long timesSeenTogether(Set<String> addresses) {
        if (addresses.isEmpty()) {
            return 0;
        }
        Set<Set<String>> candidates = null;
        for (String address : addresses) {
            Set<Set<String>> withIt = groupsByMember.getOrDefault(address, HashTreePSet.empty());
            if (candidates == null || withIt.size() < candidates.size()) {
                candidates = withIt;
            }
        }
        long times = 0;
        for (Set<String> members : candidates) {
            if (members.containsAll(addresses)) {
                times += groups.get(members).messages();
            }
        }
        return times;
    }

    /** True when {@code a} and {@code b} (keys) ever stood together in To/Cc of one message. */
    public boolean seenTogether(String a, String b) {
        for (Set<String> members : groupsByMember.getOrDefault(a, HashTreePSet.empty())) {
            if (members.contains(b)) {
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

    /**
     * This history after one more delivered message; {@code this} is left unchanged. Costs a copy of
     * the correspondents and a few paths of the persistent maps, not a copy of the whole history.
     */
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
        PMap<Set<String>, RecipientGroup> nextGroups = groups;
        PMap<String, PSet<Set<String>>> nextMemberships = groupsByMember;
        Set<String> visible = message.visibleGroup();
        if (!visible.isEmpty()) {
            RecipientGroup g = groups.get(visible);
            if (g == null) {
                nextGroups = groups.plus(visible, new RecipientGroup(visible, 1, message.at()));
                for (String member : visible) {
                    nextMemberships = nextMemberships.plus(member,
                            nextMemberships.getOrDefault(member, HashTreePSet.empty()).plus(visible));
                }
            } else {
                Instant last = message.at().isAfter(g.lastSent()) ? message.at() : g.lastSent();
                nextGroups = groups.plus(visible, new RecipientGroup(g.members(), g.messages() + 1, last));
            }
        }
        PMap<String, Set<String>> nextMessages = messagesByKey;
        if (!message.messageKey().isEmpty()) {
            nextMessages = messagesByKey.plus(message.messageKey(), Set.copyOf(message.addresses()));
        }
        return new SenderHistory(sender, messages + 1, byAddress(next.values()), nextGroups, nextMemberships,
                nextMessages);
    }
}

package nl.lekwacht.history;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pcollections.HashTreePMap;
import org.pcollections.HashTreePSet;
import org.pcollections.PMap;
import org.pcollections.PSet;

/**
 * Every external address and domain anyone in the organisation has mailed. An immutable snapshot.
 *
 * <p>It has two layers: the <em>indexed</em> layer as loaded from the store (what {@link #derived}
 * values such as similarity indexes are built from, once per load), and the addresses this instance
 * learned since, which exact look-ups ({@link #knowsAddress}, {@link #knowsDomain}) see at once and
 * the indexes see after the next refresh. The second layer is a pair of persistent maps: adding a
 * message shares all but a few paths with the snapshot before, since that layer grows with every new
 * address until the next reload.
 */
public final class OrganisationHistory {

    /**
     * One external address known organisation-wide.
     *
     * @param address     an {@link AddressKey}
     * @param displayName the latest display name used for it, empty when none
     * @param messages    delivered messages to it, from any sender
     */
    public record KnownAddress(String address, String displayName, long messages) {
    }

    public static final OrganisationHistory EMPTY = new OrganisationHistory(Map.of(), Set.of());

    private final Map<String, KnownAddress> indexed;
    private final Set<String> indexedDomains;
    private final PMap<String, KnownAddress> recent;
    private final PSet<String> recentDomains;
    private final Memo<OrganisationHistory> memo;

    public OrganisationHistory(Collection<KnownAddress> addresses, Collection<String> domains) {
        this(toMap(addresses), Set.copyOf(domains));
    }

    private OrganisationHistory(Map<String, KnownAddress> indexed, Set<String> indexedDomains) {
        this(indexed, indexedDomains, HashTreePMap.empty(), HashTreePSet.empty(), new Memo<>());
    }

    private OrganisationHistory(Map<String, KnownAddress> indexed, Set<String> indexedDomains,
                                PMap<String, KnownAddress> recent, PSet<String> recentDomains,
                                Memo<OrganisationHistory> memo) {
        this.indexed = indexed;
        this.indexedDomains = indexedDomains;
        this.recent = recent;
        this.recentDomains = recentDomains;
        this.memo = memo;
    }

    private static Map<String, KnownAddress> toMap(Collection<KnownAddress> addresses) {
        Map<String, KnownAddress> map = new HashMap<>();
        addresses.forEach(a -> map.put(a.address(), a));
        return Collections.unmodifiableMap(map);
    }

    /** @param address an {@link AddressKey} */
    public boolean knowsAddress(String address) {
        return recent.containsKey(address) || indexed.containsKey(address);
    }

    public Optional<KnownAddress> address(String address) {
        KnownAddress a = recent.get(address);
        return Optional.ofNullable(a != null ? a : indexed.get(address));
    }

    /** @param domain lower-case ASCII domain */
    public boolean knowsDomain(String domain) {
        return recentDomains.contains(domain) || indexedDomains.contains(domain);
    }

    /** The addresses similarity indexes are built from (the layer loaded from the store). */
    public Collection<KnownAddress> indexedAddresses() {
        return indexed.values();
    }

    public Set<String> indexedDomains() {
        return indexedDomains;
    }

    /** Known addresses, both layers. */
    public int size() {
        return indexed.size() + (int) recent.keySet().stream().filter(a -> !indexed.containsKey(a)).count();
    }

    /** A value computed once from the indexed layer (see {@link Derived}). */
    public <T> T derived(Derived<OrganisationHistory, T> derivation) {
        return memo.get(derivation, this);
    }

    /** This history after one more delivered message; {@code this} is left unchanged. */
    public OrganisationHistory plus(LearnedMessage message) {
        if (message.recipients().isEmpty()) {
            return this;
        }
        PMap<String, KnownAddress> nextRecent = recent;
        PSet<String> nextDomains = recentDomains;
        for (LearnedMessage.LearnedRecipient r : message.recipients()) {
            KnownAddress known = address(r.address()).orElse(null);
            String name = r.displayName().isEmpty() && known != null ? known.displayName() : r.displayName();
            nextRecent = nextRecent.plus(r.address(), new KnownAddress(r.address(), name, known == null ? 1 : known.messages() + 1));
            String domain = AddressKey.domain(r.address());
            if (!indexedDomains.contains(domain)) {
                nextDomains = nextDomains.plus(domain);
            }
        }
        return new OrganisationHistory(indexed, indexedDomains, nextRecent, nextDomains, memo);
    }

    /** Both layers merged into a new indexed layer (what a reload from the store would give). */
    public OrganisationHistory consolidated() {
        if (recent.isEmpty()) {
            return this;
        }
        Map<String, KnownAddress> all = new HashMap<>(indexed);
        all.putAll(recent);
        Set<String> domains = new HashSet<>(indexedDomains);
        domains.addAll(recentDomains);
        return new OrganisationHistory(Collections.unmodifiableMap(all), Set.copyOf(domains));
    }
}

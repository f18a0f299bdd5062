package nl.lekwacht.inspect.recipients;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import nl.lekwacht.history.AddressKey;

/**
 * Known correspondents arranged for fast resemblance search: by local part, by display name, by the
 * letters of a name, and per domain a deletion neighbourhood of local parts (every local part with
 * each single character left out), so that all local parts within a small Damerau-Levenshtein
 * distance are found with a few hash look-ups instead of a comparison with every known address.
 * Domains get the same treatment, plus look-up by name without top-level domain and by look-alike
 * skeleton. Immutable once built; thread-safe.
 *
 * <p>Deletion neighbourhoods of radius one on both sides find every pair within one edit (including a
 * transposition) and pairs within two edits where each side has one (a letter dropped here and
 * another added there); two edits on one side only are not found. The bounded Damerau-Levenshtein
 * distance then decides, allowing more edits for longer strings.
 */
final class CorrespondentIndex {

    /** One known address. */
    record Entry(String address, String local, String domain, List<String> names, long messages) {
    }

    /** A known domain that resembles the one asked about, and how. */
    record DomainMatch(String domain, Resemblance.Reason reason) {
    }

    private final Map<String, Entry> byAddress = new HashMap<>();
    private final Map<String, List<Entry>> byLocal = new HashMap<>();
    private final Map<String, List<Entry>> byName = new HashMap<>();
    private final Map<String, List<Entry>> byLetters = new HashMap<>();
    private final Map<String, Map<String, List<Entry>>> localVariantsByDomain = new HashMap<>();
    private final Map<String, Long> domainWeight = new HashMap<>();
    private final Map<String, List<String>> domainsByLabel = new HashMap<>();
    private final Map<String, List<String>> domainsBySkeleton = new HashMap<>();
    private final Map<String, List<String>> domainVariants = new HashMap<>();

    CorrespondentIndex(Collection<Entry> entries, Collection<String> extraDomains) {
        for (Entry e : entries) {
            byAddress.put(e.address(), e);
            add(byLocal, e.local(), e);
            for (String name : e.names()) {
                add(byName, name, e);
                String letters = PersonName.letters(name);
                if (letters.length() >= 6) {
                    add(byLetters, letters, e);
                }
            }
            String localLetters = PersonName.letters(e.local());
            if (localLetters.length() >= 6 && e.local().length() - localLetters.length() <= 2) {
                add(byLetters, localLetters, e);
            }
            Map<String, List<Entry>> variants = localVariantsByDomain.computeIfAbsent(e.domain(), d -> new HashMap<>());
            for (String v : deletions(e.local())) {
                add(variants, v, e);
            }
            domainWeight.merge(e.domain(), e.messages(), Long::sum);
        }
        for (String d : extraDomains) {
            domainWeight.putIfAbsent(d, 0L);
        }
        for (String domain : domainWeight.keySet()) {
            add(domainsByLabel, DomainShape.withoutTld(domain), domain);
            add(domainsBySkeleton, DomainShape.skeleton(domain), domain);
            for (String v : deletions(DomainShape.withoutTld(domain))) {
                add(domainVariants, v, domain);
            }
        }
    }

    static Entry entry(String address, Collection<String> displayNames, long messages) {
        List<String> names = new ArrayList<>(1);
        for (String displayName : displayNames) {
            String n = PersonName.normalise(displayName);
            if (!n.isEmpty() && !names.contains(n)) {
                names.add(n);
            }
        }
        return new Entry(address, AddressKey.localPart(address), AddressKey.domain(address), List.copyOf(names),
                messages);
    }

    Entry get(String address) {
        return byAddress.get(address);
    }

    boolean knowsDomain(String domain) {
        return domainWeight.containsKey(domain);
    }

    /** Known addresses with this exact local part (at any domain). */
    List<Entry> withLocalPart(String local) {
        return byLocal.getOrDefault(local, List.of());
    }

    /** Known addresses shown under this normalised display name. */
    List<Entry> withName(String normalisedName) {
        return normalisedName.isEmpty() ? List.of() : byName.getOrDefault(normalisedName, List.of());
    }

    /** Known addresses whose name or local part consists of exactly these letters. */
    List<Entry> withLetters(String letters) {
        return letters.length() < 6 ? List.of() : byLetters.getOrDefault(letters, List.of());
    }

    /**
     * The best known address at {@code domain} whose local part is within the allowed edit distance
     * of {@code local} (but not equal), or null. Prefers the smallest distance, then the most mailed.
     */
    Entry similarLocalPart(String local, String domain, int oneFrom, int twoFrom, Predicate<Entry> accept) {
        Map<String, List<Entry>> variants = localVariantsByDomain.get(domain);
        if (variants == null) {
            return null;
        }
        Entry best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String v : deletions(local)) {
            for (Entry e : variants.getOrDefault(v, List.of())) {
                if (e.local().equals(local) || !accept.test(e)) {
                    continue;
                }
                int allowed = EditDistance.allowed(Math.min(local.length(), e.local().length()), oneFrom, twoFrom);
                if (allowed == 0) {
                    continue;
                }
                int distance = EditDistance.bounded(local, e.local(), allowed);
                if (distance <= allowed && (distance < bestDistance
                        || distance == bestDistance && e.messages() > best.messages())) {
                    best = e;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /**
     * A known domain that {@code domain} resembles: the same name under another top-level domain, a
     * look-alike, or within the allowed edit distance of its name. Null when none; the most mailed
     * wins.
     */
    DomainMatch similarDomain(String domain, int oneFrom, int twoFrom) {
        DomainMatch best = null;
        long bestWeight = -1;
        String label = DomainShape.withoutTld(domain);
        for (String d : domainsByLabel.getOrDefault(label, List.of())) {
            if (!d.equals(domain) && domainWeight.get(d) > bestWeight) {
                best = new DomainMatch(d, Resemblance.Reason.TLD_SWAP);
                bestWeight = domainWeight.get(d);
            }
        }
        if (best != null) {
            return best;
        }
        for (String d : domainsBySkeleton.getOrDefault(DomainShape.skeleton(domain), List.of())) {
            if (!d.equals(domain) && domainWeight.get(d) > bestWeight) {
                best = new DomainMatch(d, Resemblance.Reason.LOOK_ALIKE_DOMAIN);
                bestWeight = domainWeight.get(d);
            }
        }
        if (best != null) {
            return best;
        }
        for (String v : deletions(label)) {
            for (String d : domainVariants.getOrDefault(v, List.of())) {
                if (d.equals(domain) || domainWeight.get(d) <= bestWeight) {
                    continue;
                }
                String other = DomainShape.withoutTld(d);
                int allowed = EditDistance.allowed(Math.min(label.length(), other.length()), oneFrom, twoFrom);
                if (allowed > 0 && EditDistance.bounded(label, other, allowed) <= allowed) {
                    best = new DomainMatch(d, Resemblance.Reason.DOMAIN_TYPO);
                    bestWeight = domainWeight.get(d);
                }
            }
        }
        return best;
    }

    /** The word itself and every form of it with one character left out. */
    static List<String> deletions(String word) {
        List<String> out = new ArrayList<>(word.length() + 1);
        out.add(word);
        for (int i = 0; i < word.length(); i++) {
            if (i > 0 && word.charAt(i) == word.charAt(i - 1)) {
                continue;
            }
            out.add(word.substring(0, i) + word.substring(i + 1));
        }
        return out;
    }

    private static <T> void add(Map<String, List<T>> map, String key, T value) {
        List<T> list = map.get(key);
        if (list == null) {
            map.put(key, List.of(value));
        } else if (!list.contains(value)) {
            List<T> more = new ArrayList<>(list.size() + 1);
            more.addAll(list);
            more.add(value);
            map.put(key, more);
        }
    }
}

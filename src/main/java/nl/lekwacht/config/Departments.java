package nl.lekwacht.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.lekwacht.config.source.ConfigNode;

/**
 * Which department a sender belongs to ({@code register.departments}): configured for the sender's
 * address (a person or a shared mailbox), else for its domain or the nearest parent domain, so
 * {@code sociaal.gemeente.example} covers everyone at that subdomain and below. The register's figures
 * count incidents and near misses per department with it; only the department's name is kept with a
 * near miss, never the address. Immutable.
 *
 * @param byAddressOrDomain lower-case address or domain (no leading {@code @}) to the department's name
 */
public record Departments(Map<String, String> byAddressOrDomain) {

    public Departments {
        byAddressOrDomain = Map.copyOf(byAddressOrDomain);
    }

    public static Departments none() {
        return new Departments(Map.of());
    }

    /** The department of {@code sender}, empty when none is configured for it or its domains. */
    public Optional<String> of(String sender) {
        if (sender == null || sender.isBlank() || byAddressOrDomain.isEmpty()) {
            return Optional.empty();
        }
        String address = sender.strip().toLowerCase(Locale.ROOT);
        String department = byAddressOrDomain.get(address);
        if (department != null) {
            return Optional.of(department);
        }
        String domain = address.substring(address.lastIndexOf('@') + 1);
        while (!domain.isEmpty()) {
            department = byAddressOrDomain.get(domain);
            if (department != null) {
                return Optional.of(department);
            }
            int dot = domain.indexOf('.');
            domain = dot < 0 ? "" : domain.substring(dot + 1);
        }
        return Optional.empty();
    }

    /** The distinct department names, in no particular order. */
    public java.util.Set<String> names() {
        return java.util.Set.copyOf(byAddressOrDomain.values());
    }

    static Departments read(ConfigNode node) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        if (!node.isPresent()) {
            return none();
        }
        for (String key : node.keys()) {
            String who = key.strip().toLowerCase(Locale.ROOT);
            who = who.startsWith("@") ? who.substring(1) : who;
            String name = node.string(key, "").strip();
            if (who.isEmpty() || who.contains(" ") || who.indexOf('@') != who.lastIndexOf('@')) {
                node.problem(key, "not a sender address or a domain: " + key);
            } else if (name.isEmpty() || name.length() > 100) {
                node.problem(key, "the department needs a name of 1 to 100 characters");
            } else {
                map.put(who, name);
            }
        }
        return new Departments(map);
    }
}

package nl.lekwacht.inspect.content;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.lekwacht.config.source.ConfigNode;

/**
 * Settings of the IBAN detector, section {@code detectors.iban}.
 *
 * @param enabled whether the detector runs
 * @param ignore  IBANs never reported, compact and upper case (typically the organisation's own
 *                accounts, printed on every invoice)
 */
record IbanSettings(boolean enabled, Set<String> ignore) {

    public IbanSettings {
        ignore = Set.copyOf(ignore);
    }

    public static IbanSettings defaults() {
        return new IbanSettings(true, Set.of());
    }

    /** Reads {@code detectors.iban}; every problem is recorded on the node with its key. */
    public static IbanSettings read(ConfigNode node) {
        node.rejectUnknownKeys(Set.of("enabled", "ignore"));
        Set<String> ignore = new HashSet<>();
        List<String> values = node.strings("ignore", List.of());
        for (int i = 0; i < values.size(); i++) {
            String compact = values.get(i).replaceAll("\\s", "").toUpperCase(Locale.ROOT);
            if (!IbanScanner.VALIDATOR.isValid(compact)) {
                node.problem("ignore[" + i + "]", "not a valid IBAN");
                continue;
            }
            ignore.add(compact);
        }
        return new IbanSettings(node.bool("enabled", true), ignore);
    }

    @Override
    public String toString() {
        return "IbanSettings[enabled=" + enabled + ", ignore=" + ignore.size() + " accounts]";
    }
}

package nl.lekwacht.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nl.lekwacht.inspect.InspectSide;
import nl.lekwacht.policy.PolicySide;
import org.junit.jupiter.api.Test;

/**
 * {@code config/lekwacht.yml} is the commented reference an admin copies: a value written there is the
 * value the gateway takes without it, unless the key is one the file sets on purpose as an example of
 * the organisation's own (listed here with the reason). Read both ways, every section, the raw
 * {@code detectors} and {@code policy} sections included.
 */
class ReferenceFileShowsTheDefaultsTest {

    /** Keys the reference file sets to an example of the organisation's own, not to the default. */
    private static final Set<String> EXAMPLES = Set.of(
            "organisation.internal-domains",      // every organisation has its own
            "hold.notify-from",                   // the default lekwacht@localhost is only good for a test
            "hold.link-secret",                   // secrets come from the environment file
            "hold.encryption-key",
            "web.api-tokens[0].token");

    @Test
    void everyValueTheReferenceFileGivesIsTheDefaultUnlessItIsAnExample() throws Exception {
        LekwachtConfig defaults = read(new ConfigLoader(Map.of()).parse(""));
        LekwachtConfig file = read(new ConfigLoader(Map.of()).load(Path.of("config", "lekwacht.yml")));
        assertThat(file.problems()).isEmpty();
        Map<String, Object> defaultValues = defaults.detectors().valuesRead().values();
        Map<String, Object> fileValues = file.detectors().valuesRead().values();
        Map<String, String> differences = new LinkedHashMap<>();
        int compared = 0;
        for (String key : file.detectors().valuesRead().given()) {
            if (EXAMPLES.contains(key) || !defaultValues.containsKey(key)) {
                continue; // an example, or an item of a list the default does not have
            }
            compared++;
            Object expected = defaultValues.get(key);
            Object shown = fileValues.get(key);
            if (!java.util.Objects.equals(expected, shown)) {
                differences.put(key, "file says " + shown + ", default is " + expected);
            }
        }
        assertThat(differences).as("values in config/lekwacht.yml that are not the defaults").isEmpty();
        assertThat(compared).as("keys compared").isGreaterThan(90);
    }

    @Test
    void prestartIsFalseByDefault() {
        LekwachtConfig defaults = read(new ConfigLoader(Map.of()).parse(""));
        assertThat(defaults.detectors().valuesRead().values()).containsEntry("detectors.extraction.prestart", false);
    }

    /** Reads every section the way the gateway does at start-up, raw sections included. */
    private static LekwachtConfig read(LekwachtConfig config) {
        InspectSide.validate(config);
        PolicySide.settings(config);
        return config;
    }
}

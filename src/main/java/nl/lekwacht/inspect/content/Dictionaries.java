package nl.lekwacht.inspect.content;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keyword dictionaries of the special categories of personal data (AVG art. 9 and 10), one
 * resource file a category under {@code dictionaries/}: one term a line, {@code #} starts a comment,
 * a term ending in {@code *} is a prefix. Admins add terms and categories from configuration.
 */
final class Dictionaries {

    static final List<String> BUILT_IN = List.of("health", "religion", "ethnicity", "politics", "union",
            "sexual-orientation", "biometric", "genetic", "criminal");

    private Dictionaries() {
    }

    /** Built-in terms (minus disabled categories) merged with the admin's, per category. */
    static Map<String, List<String>> load(SpecialCategorySettings settings) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (String category : BUILT_IN) {
            if (!settings.disabled().contains(category)) {
                all.put(category, new ArrayList<>(read("dictionaries/" + category + ".txt")));
            }
        }
        settings.extraTerms().forEach((category, terms) ->
                all.computeIfAbsent(category, c -> new ArrayList<>()).addAll(terms));
        return all;
    }

    static List<String> read(String resource) {
        List<String> terms = new ArrayList<>();
        try (InputStream in = Dictionaries.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing dictionary resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String term = line.strip();
                if (!term.isEmpty() && !term.startsWith("#")) {
                    terms.add(term);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return terms;
    }
}

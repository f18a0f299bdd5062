package nl.lekwacht.inspect.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.lekwacht.config.source.ConfigNode;

/**
 * Settings of the special-category detector, section {@code detectors.special-category}.
 *
 * @param enabled    whether the detector runs
 * @param proximity  terms count together when they lie within this many characters
 * @param minTerms   distinct terms of one category needed within {@code proximity}, so that one word in
 *                   a signature ("Team Zorg") does not fire
 * @param extraTerms terms an admin adds per category (a new category name adds a category)
 * @param disabled   built-in categories not to look for
 */
record SpecialCategorySettings(boolean enabled, int proximity, int minTerms,
                                      Map<String, List<String>> extraTerms, Set<String> disabled) {

    public SpecialCategorySettings {
        extraTerms = Map.copyOf(extraTerms);
        disabled = Set.copyOf(disabled);
    }

    public static SpecialCategorySettings defaults() {
        return new SpecialCategorySettings(true, 300, 2, Map.of(), Set.of());
    }

    /** Reads {@code detectors.special-category}; every problem is recorded on the node with its key. */
    public static SpecialCategorySettings read(ConfigNode node) {
        node.rejectUnknownKeys(Set.of("enabled", "proximity", "min-terms", "extra-terms", "disabled-categories"));
        Map<String, List<String>> extra = new LinkedHashMap<>();
        ConfigNode extraNode = node.child("extra-terms");
        for (String category : extraNode.keys()) {
            List<String> terms = extraNode.strings(category, List.of());
            if (terms.stream().anyMatch(t -> t.isBlank() || t.strip().equals("*"))) {
                extraNode.problem(category, "a term must hold at least one letter");
            }
            extra.put(category, new ArrayList<>(terms.stream().filter(t -> !t.isBlank()).toList()));
        }
        List<String> disabled = node.strings("disabled-categories", List.of());
        for (int i = 0; i < disabled.size(); i++) {
            if (!Dictionaries.BUILT_IN.contains(disabled.get(i))) {
                node.problem("disabled-categories[" + i + "]",
                        "not a built-in category (known: " + String.join(", ", Dictionaries.BUILT_IN) + ")");
            }
        }
        return new SpecialCategorySettings(node.bool("enabled", true), node.integer("proximity", 300, 10, 10_000),
                node.integer("min-terms", 2, 1, 20), extra, Set.copyOf(disabled));
    }
}

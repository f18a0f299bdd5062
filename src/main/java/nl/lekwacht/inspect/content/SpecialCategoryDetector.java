package nl.lekwacht.inspect.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.lekwacht.inspect.Detector;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.inspect.Severity;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.message.TextPart;

/**
 * Finds special categories of personal data (health, religion, ethnicity, political opinion, union
 * membership, sexual orientation, biometric and genetic data: AVG art. 9; criminal records: art. 10)
 * by dictionary: a category counts in a text when at least {@code minTerms} distinct terms of it
 * occur within {@code proximity} characters of each other. One finding per location; its details
 * name the categories ({@code categories=criminal,health}), the evidence names the terms that matched.
 *
 * <p>Pure and thread-safe; the dictionaries are read once, when the detector is built. All categories'
 * terms are found in one pass over each text (a term in several dictionaries counts for each).
 */
final class SpecialCategoryDetector implements Detector {

    private final SpecialCategorySettings settings;
    private final List<String> categories;
    private final TermMatcher allTerms;
    /** For each term of {@link #allTerms}, the indexes of the categories it belongs to. */
    private final int[][] categoriesOfTerm;

    SpecialCategoryDetector(SpecialCategorySettings settings) {
        this.settings = settings;
        Map<String, List<String>> dictionaries = Dictionaries.load(settings);
        this.categories = List.copyOf(dictionaries.keySet());
        Map<String, List<Integer>> owners = new LinkedHashMap<>();
        int c = 0;
        for (List<String> dictionary : dictionaries.values()) {
            int category = c++;
            for (String term : new TermMatcher(dictionary).terms()) {
                owners.computeIfAbsent(term, t -> new ArrayList<>()).add(category);
            }
        }
        this.allTerms = new TermMatcher(new ArrayList<>(owners.keySet()));
        this.categoriesOfTerm = new int[allTerms.terms().size()][];
        for (int t = 0; t < categoriesOfTerm.length; t++) {
            categoriesOfTerm[t] = owners.get(allTerms.terms().get(t)).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    @Override
    public String name() {
        return "special-category";
    }

    @Override
    public List<Finding> inspect(OutboundMessage message) {
        ByPlace<Map<String, Set<String>>> byPlace = new ByPlace<>();
        for (TextPart part : message.texts()) {
            List<List<TermMatcher.Match>> perCategory = matchesPerCategory(part.text());
            for (int c = 0; c < categories.size(); c++) {
                Set<String> terms = termsInWindow(perCategory.get(c));
                if (!terms.isEmpty()) {
                    byPlace.at(part, LinkedHashMap::new)
                            .computeIfAbsent(categories.get(c), k -> new TreeSet<>()).addAll(terms);
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        byPlace.forEach((place, found) -> findings.add(finding(place, found)));
        return findings;
    }

    /** One pass over the text; each match is filed under every category its term belongs to. */
    private List<List<TermMatcher.Match>> matchesPerCategory(String text) {
        List<List<TermMatcher.Match>> perCategory = new ArrayList<>(categories.size());
        for (int c = 0; c < categories.size(); c++) {
            perCategory.add(new ArrayList<>());
        }
        for (TermMatcher.Match match : allTerms.findAll(text, 0, text.length())) {
            for (int category : categoriesOfTerm[match.term()]) {
                perCategory.get(category).add(match);
            }
        }
        return perCategory;
    }

    /** The distinct terms of the densest qualifying window, or nothing when no window qualifies. */
    private Set<String> termsInWindow(List<TermMatcher.Match> found) {
        List<TermMatcher.Match> matches = withoutOverlaps(found);
        Set<String> best = Set.of();
        int from = 0;
        for (int to = 0; to < matches.size(); to++) {
            while (matches.get(to).start() - matches.get(from).end() > settings.proximity()) {
                from++;
            }
            Set<String> distinct = new TreeSet<>();
            for (int k = from; k <= to; k++) {
                distinct.add(allTerms.terms().get(matches.get(k).term()));
            }
            if (distinct.size() >= settings.minTerms() && distinct.size() > best.size()) {
                best = distinct;
            }
        }
        return best;
    }

    /** "seksuele geaardheid" must not also count as "geaardheid": keep the longest at each place. */
    private static List<TermMatcher.Match> withoutOverlaps(List<TermMatcher.Match> matches) {
        List<TermMatcher.Match> kept = new ArrayList<>(matches.size());
        for (TermMatcher.Match m : matches) {
            if (!kept.isEmpty()) {
                TermMatcher.Match last = kept.get(kept.size() - 1);
                if (m.start() < last.end()) {
                    if (m.start() == last.start() && m.end() > last.end()) {
                        kept.set(kept.size() - 1, m);
                    }
                    continue;
                }
            }
            kept.add(m);
        }
        return kept;
    }

    private static Finding finding(ByPlace.Place place, Map<String, Set<String>> found) {
        List<String> evidence = new ArrayList<>();
        int terms = 0;
        for (Map.Entry<String, Set<String>> e : found.entrySet()) {
            evidence.add(e.getKey() + ": " + String.join(", ", e.getValue()));
            terms += e.getValue().size();
        }
        String names = String.join(",", new TreeSet<>(found.keySet()));
        Severity severity = terms >= 4 || found.size() > 1 ? Severity.HIGH : Severity.MEDIUM;
        return new Finding(FindingCode.SPECIAL_CATEGORY, severity, place.where(), place.part(), found.size(), evidence,
                "special category personal data (" + names + ")", Map.of("categories", names));
    }
}

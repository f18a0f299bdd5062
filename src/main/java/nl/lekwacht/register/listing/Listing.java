package nl.lekwacht.register.listing;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import nl.lekwacht.register.Field;
import nl.lekwacht.register.Incident;
import nl.lekwacht.register.IncidentQueries;
import nl.lekwacht.register.figures.Source;

/**
 * The register's list: the incidents that meet the criteria, in the register's order (awaiting a
 * decision first, soonest deadline first; then newest first), one page at a time. Thread-safe.
 */
public final class Listing {

    /** Incidents on one page of the list. */
    public static final int PAGE_SIZE = 50;
    private static final List<Field> SEARCHED = List.of(Field.AP_REFERENCE, Field.SUMMARY, Field.SENDER_STATEMENT,
            Field.RECIPIENT_DOMAINS, Field.MEASURES_TAKEN, Field.CONSEQUENCES, Field.NOT_REPORTED_REASON,
            Field.LATE_REASON);

    private final IncidentQueries queries;

    public Listing(IncidentQueries queries) {
        this.queries = queries;
    }

    /**
     * One page of what meets {@code criteria}.
     *
     * @param page counted from 1; a page past the last gives the last
     */
    public Page page(Criteria criteria, int page) {
        Instant now = queries.now();
        List<Incident> found = criteria.hasBsn() ? List.of()
                : queries.list(criteria.status()).stream().filter(meets(criteria, now)).toList();
        int pages = Math.max(1, (found.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(1, page), pages);
        int from = (shown - 1) * PAGE_SIZE;
        return new Page(found.subList(from, Math.min(found.size(), from + PAGE_SIZE)), found.size(), shown, pages);
    }

    static Predicate<Incident> meets(Criteria c, Instant now) {
        return i -> c.source().map(s -> Source.of(i.origin()) == s).orElse(true)
                && c.kind().map(k -> k.equals(kind(i))).orElse(true)
                && c.deadline().map(d -> DeadlineState.of(i, now) == d).orElse(true)
                && (c.text().isEmpty() || contains(i, c.text()));
    }

    private static String kind(Incident incident) {
        String kind = incident.answers().get(Field.KIND);
        return kind.isEmpty() ? "UNKNOWN" : kind;
    }

    private static boolean contains(Incident incident, String text) {
        String number = text.startsWith("dl-") ? text.substring(3) : text;
        if (number.matches("\\d{1,9}") && Long.parseLong(number) == incident.id()) {
            return true;
        }
        if (incident.message().map(m -> lower(m.subject()).contains(text)).orElse(false)) {
            return true;
        }
        return SEARCHED.stream().anyMatch(f -> lower(incident.answers().get(f)).contains(text));
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** A page of the list: its incidents, how many met the criteria in all, this page's number and the count. */
    public record Page(List<Incident> incidents, int total, int page, int pages) {
        public Page {
            incidents = List.copyOf(incidents);
        }

        public Optional<Integer> previous() {
            return page > 1 ? Optional.of(page - 1) : Optional.empty();
        }

        public Optional<Integer> next() {
            return page < pages ? Optional.of(page + 1) : Optional.empty();
        }
    }
}

package nl.lekwacht.register.listing;

import java.util.Locale;
import java.util.Optional;
import nl.lekwacht.privacy.BsnMasking;
import nl.lekwacht.register.Status;
import nl.lekwacht.register.figures.Source;

/**
 * What the register's list is asked for: words to search, and filters that are empty when not set.
 *
 * @param text     searched in the reference ({@code DL-000042} or {@code 42}), the AP's meldingsnummer, the
 *                 message's subject and the register's own text answers (summary, statements, measures,
 *                 reasons, recipients' domains). Text with a full BSN in it finds nothing (none is kept,
 *                 and its masked form would match any number ending in the same digits)
 * @param kind     a kind of breach (a {@code KIND} choice), or {@code UNKNOWN} for none answered
 */
public record Criteria(String text, Optional<Status> status, Optional<Source> source, Optional<String> kind,
                       Optional<DeadlineState> deadline) {

    public Criteria {
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    /** The text carries a full BSN: nothing is searched for it, and it is never shown back. */
    public boolean hasBsn() {
        return !BsnMasking.mask(text).equals(text);
    }

    public static Criteria none() {
        return new Criteria("", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean filtered() {
        return !text.isEmpty() || status.isPresent() || source.isPresent() || kind.isPresent() || deadline.isPresent();
    }
}

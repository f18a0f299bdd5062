package nl.lekwacht.web.hold;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as people read them, in the organisation's zone and the page's language. */
record Dates(ZoneId zone, Locale locale) {

    String format(Instant instant) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale).format(instant.atZone(zone));
    }
}

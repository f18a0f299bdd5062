package nl.lekwacht.hold;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import nl.lekwacht.config.HoldConfig.WorkingHours;

/**
 * Adds a duration in working time when working hours are configured ({@code hold.working-hours}), so a
 * hold taken on Friday afternoon does not expire over the weekend; without them,
 * plain time. Stateless.
 */
final class WorkingTime {

    private static final int MAX_DAYS = 3660;

    private final Optional<WorkingHours> hours;
    private final ZoneId zone;

    WorkingTime(Optional<WorkingHours> hours, ZoneId zone) {
        this.hours = hours;
        this.zone = zone;
    }

    /** The moment {@code amount} of working time after {@code start}. */
    Instant plus(Instant start, Duration amount) {
        if (hours.isEmpty()) {
            return start.plus(amount);
        }
        WorkingHours h = hours.get();
        Duration left = amount;
        ZonedDateTime at = start.atZone(zone);
        LocalDate day = at.toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!h.days().contains(day.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime open = day.atTime(h.start()).atZone(zone);
            ZonedDateTime close = day.atTime(h.end()).atZone(zone);
            ZonedDateTime from = at.isAfter(open) ? at : open;
            if (!from.isBefore(close)) {
                continue;
            }
            Duration today = Duration.between(from, close);
            if (today.compareTo(left) >= 0) {
                return from.plus(left).toInstant();
            }
            left = left.minus(today);
        }
        return start.plus(amount);
    }
}

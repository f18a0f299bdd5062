package nl.lekwacht.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import nl.lekwacht.config.HoldConfig.WorkingHours;
import org.junit.jupiter.api.Test;

/** Expiry in working time: Friday afternoon plus a working day ends on Monday afternoon, not Saturday. */
class WorkingTimeTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private final WorkingTime office = new WorkingTime(Optional.of(new WorkingHours(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(17, 0))), AMSTERDAM);

    @Test
    void holdTakenOnFridayAfternoonDoesNotExpireOnSaturday() {
        Instant friday = Instant.parse("2026-03-06T14:00:00Z"); // 15:00 in Amsterdam
        assertThat(office.plus(friday, Duration.ofHours(9))).isEqualTo(Instant.parse("2026-03-09T14:00:00Z"));
    }

    @Test
    void timeOutsideWorkingHoursStartsCountingAtTheNextOpening() {
        Instant sundayNight = Instant.parse("2026-03-08T22:00:00Z");
        assertThat(office.plus(sundayNight, Duration.ofHours(1))).isEqualTo(Instant.parse("2026-03-09T08:00:00Z"));
    }

    @Test
    void withoutWorkingHoursItIsPlainTime() {
        Instant friday = Instant.parse("2026-03-06T14:00:00Z");
        assertThat(new WorkingTime(Optional.empty(), AMSTERDAM).plus(friday, Duration.ofHours(24)))
                .isEqualTo(Instant.parse("2026-03-07T14:00:00Z"));
    }
}

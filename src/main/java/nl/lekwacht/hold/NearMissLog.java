package nl.lekwacht.hold;

import java.time.YearMonth;
import java.util.List;

/** Reads what is kept of ended holds (see {@link NearMiss}); the register's figures count them. */
public interface NearMissLog {

    /** The near misses held in the months {@code from} to {@code to}, both included, in no particular order. */
    List<NearMiss> between(YearMonth from, YearMonth to);

    NearMissLog NONE = (from, to) -> List.of();
}

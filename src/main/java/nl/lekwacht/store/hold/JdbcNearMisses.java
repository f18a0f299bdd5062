package nl.lekwacht.store.hold;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import nl.lekwacht.hold.NearMiss;
import nl.lekwacht.hold.NearMissLog;
import nl.lekwacht.store.Jdbc;

/** What is kept of ended holds, in table {@code hold_near_miss} (migration V102). Thread-safe. */
public final class JdbcNearMisses implements NearMissLog {

    private final Jdbc jdbc;

    public JdbcNearMisses(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource, "near-miss store");
    }

    /** Writes one row inside the caller's transaction (the decision that ended the hold). */
    static void insert(Connection c, NearMiss nearMiss) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO hold_near_miss (held_month, codes, outcome, "
                + "department) VALUES (?, ?, ?, ?)")) {
            Jdbc.bind(s, nearMiss.month().toString(), Jdbc.cut(String.join(",", nearMiss.codes()), 400),
                    nearMiss.outcome().name(), Jdbc.cut(nearMiss.department(), 100));
            s.executeUpdate();
        }
    }

    @Override
    public List<NearMiss> between(YearMonth from, YearMonth to) {
        // 'YYYY-MM' sorts as the months do, so the range is a string range
        return jdbc.list("SELECT held_month, codes, outcome, department FROM hold_near_miss "
                + "WHERE held_month >= ? AND held_month <= ?", rs -> new NearMiss(YearMonth.parse(rs.getString(1)),
                Arrays.stream(rs.getString(2).split(",")).filter(code -> !code.isBlank()).toList(),
                NearMiss.Outcome.valueOf(rs.getString(3)), rs.getString(4)), from.toString(), to.toString());
    }
}

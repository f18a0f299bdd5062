package nl.lekwacht.store.intake;

import static nl.lekwacht.store.Jdbc.instant;
import static nl.lekwacht.store.Jdbc.ts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import nl.lekwacht.intake.Question;
import nl.lekwacht.intake.Report;
import nl.lekwacht.intake.ReportStore;
import nl.lekwacht.register.Origin;
import nl.lekwacht.login.ThrottleStore;

/** Reports in table {@code intake_report}; the forms' counters in {@code intake_throttle}. */
public final class JdbcReportStore implements ReportStore, ThrottleStore {

    private final DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();

    public JdbcReportStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void save(Report report) {
        Map<String, String> answers = new LinkedHashMap<>();
        report.answers().forEach((q, v) -> answers.put(q.name(), v));
        try {
            update("INSERT INTO intake_report (incident_id, origin, answers, contact_phone, contact_email, reporter, "
                    + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", report.incidentId(), report.origin().name(),
                    json.writeValueAsString(answers), report.phone(), report.email(), report.reporter(),
                    ts(report.createdAt()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write report answers", e);
        }
    }

    @Override
    public Optional<Report> find(long incidentId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT * FROM intake_report WHERE incident_id = ?")) {
            s.setLong(1, incidentId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Map<String, String> raw = json.readValue(rs.getString("answers"),
                        new TypeReference<Map<String, String>>() { });
                Map<Question, String> answers = new EnumMap<>(Question.class);
                raw.forEach((k, v) -> answers.put(Question.valueOf(k), v));
                return Optional.of(new Report(incidentId, Origin.valueOf(rs.getString("origin")), answers,
                        rs.getString("contact_phone"), rs.getString("contact_email"), rs.getString("reporter"),
                        instant(rs, "created_at")));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("report store failed: " + e.getMessage(), e);
        }
    }

    @Override
    public int countSince(String key, Instant since) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM intake_throttle WHERE throttle_key = ? AND attempted_at > ?")) {
            s.setString(1, key);
            s.setObject(2, ts(since));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("report store failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void record(String key, Instant at) {
        update("INSERT INTO intake_throttle (throttle_key, attempted_at) VALUES (?, ?)", key, ts(at));
    }

    @Override
    public void clear(String key) {
        update("DELETE FROM intake_throttle WHERE throttle_key = ?", key);
    }

    @Override
    public int deleteOlderThan(Instant before) {
        return update("DELETE FROM intake_throttle WHERE attempted_at < ?", ts(before));
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("report store failed: " + e.getMessage(), e);
        }
    }
}

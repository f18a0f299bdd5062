package nl.lekwacht.store.hold;

import static nl.lekwacht.store.Jdbc.cut;
import static nl.lekwacht.store.Jdbc.instant;
import static nl.lekwacht.store.Jdbc.lines;
import static nl.lekwacht.store.Jdbc.ts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nl.lekwacht.hold.AuditEvent;
import nl.lekwacht.hold.DeliveryJob;
import nl.lekwacht.hold.DeliveryJobs;
import nl.lekwacht.hold.HoldStore.NewJob;
import nl.lekwacht.store.Jdbc;

/**
 * The delivery queue in table {@code delivery_job}: a job is claimed under a lease, so one instance at
 * a time works it; PostgreSQL skips rows others are claiming. Thread-safe.
 */
public final class JdbcDeliveryJobs implements DeliveryJobs {

    private static final String JOB_COLUMNS = "id, kind, hold_id, content_id, rewrite, mail_from, recipients, "
            + "attempts, created_at";

    private final Jdbc jdbc;

    public JdbcDeliveryJobs(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource, "delivery queue");
    }

    @Override
    public void enqueue(List<AuditEvent> events, List<NewJob> jobs) {
        jdbc.inTransaction(c -> {
            HoldRows.insertEvents(c, events);
            HoldRows.insertJobs(c, jobs);
            return null;
        });
    }

    @Override
    public Optional<DeliveryJob> claim(String owner, Instant now, Duration lease) {
        return jdbc.inTransaction(c -> {
            String id;
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM delivery_job WHERE state = 'QUEUED' "
                    + "AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?) "
                    + "ORDER BY next_attempt_at FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED")) {
                s.setObject(1, ts(now));
                s.setObject(2, ts(now));
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    id = rs.getString(1);
                }
            }
            // the lease condition is repeated so that a claim is safe even where row locks are not taken
            try (PreparedStatement s = c.prepareStatement("UPDATE delivery_job SET lease_owner = ?, lease_until = ?, "
                    + "attempts = attempts + 1 WHERE id = ? AND state = 'QUEUED' "
                    + "AND (lease_until IS NULL OR lease_until <= ?)")) {
                s.setString(1, owner);
                s.setObject(2, ts(now.plus(lease)));
                s.setString(3, id);
                s.setObject(4, ts(now));
                if (s.executeUpdate() != 1) {
                    c.rollback();
                    return Optional.empty();
                }
            }
            return Jdbc.query(c, "SELECT " + JOB_COLUMNS + " FROM delivery_job WHERE id = ?", JdbcDeliveryJobs::job,
                    id).stream().findFirst();
        });
    }

    @Override
    public void finish(String jobId, String state, Instant now, String error) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE delivery_job SET state = ?, finished_at = ?, "
                    + "lease_owner = NULL, lease_until = NULL, last_error = ? WHERE id = ?")) {
                s.setString(1, state);
                s.setObject(2, ts(now));
                s.setString(3, error == null ? null : cut(error, 2000));
                s.setString(4, jobId);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM sealed_content WHERE content_id = ? "
                    + "AND content_id IN (SELECT content_id FROM delivery_job WHERE id = ? AND kind = 'NOTICE')")) {
                s.setString(1, jobId);
                s.setString(2, jobId);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void retry(String jobId, List<String> recipients, Instant next, String error) {
        jdbc.update("UPDATE delivery_job SET recipients = ?, next_attempt_at = ?, lease_owner = NULL, "
                + "lease_until = NULL, last_error = ? WHERE id = ?", String.join("\n", recipients), next,
                error == null ? null : cut(error, 2000), jobId);
    }

    private static DeliveryJob job(ResultSet rs) throws SQLException {
        return new DeliveryJob(rs.getString("id"), DeliveryJob.Kind.valueOf(rs.getString("kind")),
                rs.getString("hold_id"), rs.getString("content_id"), rs.getString("rewrite"),
                rs.getString("mail_from"), lines(rs.getString("recipients")), rs.getInt("attempts"),
                instant(rs, "created_at"));
    }
}

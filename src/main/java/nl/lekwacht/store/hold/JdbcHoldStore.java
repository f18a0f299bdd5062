package nl.lekwacht.store.hold;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nl.lekwacht.hold.AuditEvent;
import nl.lekwacht.hold.ChunkSource;
import nl.lekwacht.hold.DeliveryJob;
import nl.lekwacht.hold.HeldMessage;
import nl.lekwacht.hold.HoldDetails;
import nl.lekwacht.hold.HoldStatus;
import nl.lekwacht.hold.HoldStore;

/**
 * Holds, sealed content, audit trail and delivery queue in H2 or PostgreSQL (migration V20). Times
 * are stored as UTC. Thread-safe: every method uses its own connection and transaction.
 */
public final class JdbcHoldStore implements HoldStore {

    private static final String HOLD_COLUMNS = "id, token_hash, status, sender, recipients, subject, size_bytes, "
            + "details, created_at, expires_at, decided_at, decided_by, decision, decision_reason";
    private static final String JOB_COLUMNS = "id, kind, hold_id, content_id, rewrite, mail_from, recipients, "
            + "attempts, created_at";

    private final DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    public JdbcHoldStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void create(HeldMessage hold, ChunkSource content, List<AuditEvent> events, List<NewJob> jobs) {
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO hold_message (" + HOLD_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL)")) {
                s.setString(1, hold.id());
                s.setString(2, hold.tokenHash());
                s.setString(3, hold.status().name());
                s.setString(4, hold.sender());
                s.setString(5, String.join("\n", hold.recipients()));
                s.setString(6, cut(hold.subject(), 2000));
                s.setLong(7, hold.size());
                s.setString(8, json.writeValueAsString(hold.details()));
                s.setObject(9, ts(hold.createdAt()));
                s.setObject(10, ts(hold.expiresAt()));
                s.executeUpdate();
            }
            writeContent(c, hold.id(), content);
            insertEvents(c, events);
            insertJobs(c, jobs);
            return null;
        });
    }

    @Override
    public Optional<HeldMessage> byTokenHash(String tokenHash) {
        return queryHolds("WHERE token_hash = ?", tokenHash).stream().findFirst();
    }

    @Override
    public Optional<HeldMessage> byId(String id) {
        return queryHolds("WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public List<HeldMessage> pending(int limit) {
        return queryHolds("WHERE status = 'PENDING' ORDER BY created_at FETCH FIRST " + limit + " ROWS ONLY");
    }

    @Override
    public long countPending() {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM hold_message WHERE status = 'PENDING'");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public List<String> expiredPending(Instant now, int limit) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM hold_message WHERE status = 'PENDING' "
                    + "AND expires_at <= ? ORDER BY expires_at FETCH FIRST " + limit + " ROWS ONLY")) {
                s.setObject(1, ts(now));
                List<String> ids = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                return ids;
            }
        });
    }

    @Override
    public boolean decide(Decision decision, List<AuditEvent> events, List<NewJob> jobs) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE hold_message SET status = ?, decided_at = ?, "
                    + "decided_by = ?, decision = ?, decision_reason = ? WHERE id = ? AND status = 'PENDING'")) {
                s.setString(1, decision.status().name());
                s.setObject(2, ts(decision.at()));
                s.setString(3, cut(decision.actor(), 320));
                s.setString(4, decision.action());
                s.setString(5, decision.reason() == null ? null : cut(decision.reason(), 2000));
                s.setString(6, decision.holdId());
                if (s.executeUpdate() != 1) {
                    c.rollback();
                    return false;
                }
            }
            insertEvents(c, events);
            insertJobs(c, jobs);
            return true;
        });
    }

    @Override
    public void audit(AuditEvent event) {
        inTransaction(c -> {
            insertEvents(c, List.of(event));
            return null;
        });
    }

    @Override
    public void enqueue(List<AuditEvent> events, List<NewJob> jobs) {
        inTransaction(c -> {
            insertEvents(c, events);
            insertJobs(c, jobs);
            return null;
        });
    }

    @Override
    public List<AuditEvent> auditTrail(String holdId) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT hold_id, occurred_at, actor, event, detail "
                    + "FROM hold_audit WHERE hold_id = ? ORDER BY id")) {
                s.setString(1, holdId);
                List<AuditEvent> events = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        events.add(new AuditEvent(rs.getString(1), instant(rs.getObject(2, LocalDateTime.class)), rs.getString(3),
                                rs.getString(4), rs.getString(5)));
                    }
                }
                return events;
            }
        });
    }

    @Override
    public byte[] chunk(String contentId, int seq) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT data FROM sealed_content WHERE content_id = ? AND seq = ?")) {
                s.setString(1, contentId);
                s.setInt(2, seq);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            }
        });
    }

    @Override
    public Optional<DeliveryJob> claim(String owner, Instant now, Duration lease) {
        return inTransaction(c -> {
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
            try (PreparedStatement s = c.prepareStatement("SELECT " + JOB_COLUMNS + " FROM delivery_job WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return Optional.of(job(rs));
                }
            }
        });
    }

    @Override
    public void finish(String jobId, String state, Instant now, String error) {
        inTransaction(c -> {
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
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE delivery_job SET recipients = ?, next_attempt_at = ?, "
                    + "lease_owner = NULL, lease_until = NULL, last_error = ? WHERE id = ?")) {
                s.setString(1, String.join("\n", recipients));
                s.setObject(2, ts(next));
                s.setString(3, error == null ? null : cut(error, 2000));
                s.setString(4, jobId);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<String> purgeContent(Instant decidedBefore, Instant now) {
        return inTransaction(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT h.id FROM hold_message h WHERE h.status <> 'PENDING' "
                    + "AND h.content_deleted_at IS NULL AND h.decided_at <= ? AND NOT EXISTS (SELECT 1 FROM "
                    + "delivery_job j WHERE j.content_id = h.id AND j.state = 'QUEUED') FETCH FIRST 500 ROWS ONLY")) {
                s.setObject(1, ts(decidedBefore));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            for (String id : ids) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM sealed_content WHERE content_id = ?")) {
                    s.setString(1, id);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE hold_message SET content_deleted_at = ? WHERE id = ?")) {
                    s.setObject(1, ts(now));
                    s.setString(2, id);
                    s.executeUpdate();
                }
            }
            return ids;
        });
    }

    private void writeContent(Connection c, String contentId, ChunkSource content) throws SQLException, IOException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO sealed_content (content_id, seq, data) VALUES (?, ?, ?)")) {
            int seq = 0;
            for (byte[] chunk = content.next(); chunk != null; chunk = content.next()) {
                s.setString(1, contentId);
                s.setInt(2, seq++);
                s.setBytes(3, chunk);
                s.executeUpdate();
            }
        }
    }

    private static void insertEvents(Connection c, List<AuditEvent> events) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO hold_audit (hold_id, occurred_at, actor, event, detail) VALUES (?, ?, ?, ?, ?)")) {
            for (AuditEvent e : events) {
                s.setString(1, e.holdId());
                s.setObject(2, ts(e.at()));
                s.setString(3, cut(e.actor(), 320));
                s.setString(4, e.event());
                s.setString(5, cut(e.detail(), 4000));
                s.executeUpdate();
            }
        }
    }

    private void insertJobs(Connection c, List<NewJob> jobs) throws SQLException, IOException {
        for (NewJob n : jobs) {
            DeliveryJob j = n.job();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO delivery_job (id, kind, hold_id, content_id, "
                    + "rewrite, mail_from, recipients, state, attempts, next_attempt_at, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?)")) {
                s.setString(1, j.id());
                s.setString(2, j.kind().name());
                s.setString(3, j.holdId());
                s.setString(4, j.contentId());
                s.setString(5, j.rewrite());
                s.setString(6, j.mailFrom());
                s.setString(7, String.join("\n", j.recipients()));
                s.setObject(8, ts(n.firstAttempt()));
                s.setObject(9, ts(j.createdAt()));
                s.executeUpdate();
            }
            if (n.ownContent() != null) {
                writeContent(c, j.contentId(), n.ownContent());
            }
        }
    }

    private List<HeldMessage> queryHolds(String where, Object... args) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + HOLD_COLUMNS + " FROM hold_message " + where)) {
                for (int i = 0; i < args.length; i++) {
                    s.setObject(i + 1, args[i]);
                }
                List<HeldMessage> holds = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        holds.add(hold(rs));
                    }
                }
                return holds;
            }
        });
    }

    private HeldMessage hold(ResultSet rs) throws SQLException, IOException {
        return new HeldMessage(rs.getString("id"), rs.getString("token_hash"),
                HoldStatus.valueOf(rs.getString("status")), rs.getString("sender"), lines(rs.getString("recipients")),
                rs.getString("subject"), rs.getLong("size_bytes"),
                json.readValue(rs.getString("details"), HoldDetails.class), instant(rs.getObject("created_at", LocalDateTime.class)),
                instant(rs.getObject("expires_at", LocalDateTime.class)), Optional.ofNullable(instant(rs.getObject("decided_at", LocalDateTime.class))),
                Optional.ofNullable(rs.getString("decided_by")), Optional.ofNullable(rs.getString("decision")),
                Optional.ofNullable(rs.getString("decision_reason")));
    }

    private static DeliveryJob job(ResultSet rs) throws SQLException {
        return new DeliveryJob(rs.getString("id"), DeliveryJob.Kind.valueOf(rs.getString("kind")),
                rs.getString("hold_id"), rs.getString("content_id"), rs.getString("rewrite"),
                rs.getString("mail_from"), lines(rs.getString("recipients")), rs.getInt("attempts"),
                instant(rs.getObject("created_at", LocalDateTime.class)));
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    private static LocalDateTime ts(Instant instant) {
        // to the column's precision, so that a time compared with itself is never "later" after rounding
        return LocalDateTime.ofInstant(instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime ts) {
        return ts == null ? null : ts.toInstant(ZoneOffset.UTC);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException, IOException;
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("hold store: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package nl.lekwacht.store.hold;

import static nl.lekwacht.store.Jdbc.cut;
import static nl.lekwacht.store.Jdbc.instant;
import static nl.lekwacht.store.Jdbc.lines;
import static nl.lekwacht.store.Jdbc.ts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nl.lekwacht.hold.AuditEvent;
import nl.lekwacht.hold.ChunkSource;
import nl.lekwacht.hold.HeldMessage;
import nl.lekwacht.hold.HoldDetails;
import nl.lekwacht.hold.HoldStatus;
import nl.lekwacht.hold.HoldStore;
import nl.lekwacht.store.Jdbc;

/**
 * Held messages in H2 or PostgreSQL (migration V20); taking and deciding one also write its audit
 * events, content and jobs in the same transaction. Times are stored as UTC. Thread-safe: every method
 * uses its own connection and transaction.
 */
public final class JdbcHolds implements HoldStore {

    private static final String HOLD_COLUMNS = "id, token_hash, status, sender, recipients, subject, size_bytes, "
            + "details, created_at, expires_at, decided_at, decided_by, decision, decision_reason, reminded_at, "
            + "escalated_at, delegate";

    private final Jdbc jdbc;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    public JdbcHolds(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource, "hold store");
    }

    @Override
    public void create(HeldMessage hold, ChunkSource content, List<AuditEvent> events, List<NewJob> jobs) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO hold_message (" + HOLD_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, NULL, NULL, ?)")) {
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
                s.setString(11, hold.followUp().delegate().map(d -> cut(d, 320)).orElse(null));
                s.executeUpdate();
            }
            HoldRows.writeContent(c, hold.id(), content);
            HoldRows.insertEvents(c, events);
            HoldRows.insertJobs(c, jobs);
            return null;
        });
    }

    @Override
    public Optional<HeldMessage> byId(String id) {
        return queryHolds("WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public Optional<Link> linkByTokenHash(String tokenHash) {
        return jdbc.inTransaction(c -> {
            List<Link> first = Jdbc.query(c, "SELECT id FROM hold_message WHERE token_hash = ?",
                    rs -> new Link(rs.getString(1), Link.SENDER), tokenHash);
            if (!first.isEmpty()) {
                return Optional.of(first.get(0));
            }
            return Jdbc.query(c, "SELECT hold_id, holder FROM hold_link WHERE token_hash = ?",
                    rs -> new Link(rs.getString(1), rs.getString(2)), tokenHash).stream().findFirst();
        });
    }

    @Override
    public List<HeldMessage> awaitingFollowUp(FollowUpKind kind, Instant receivedBy, Instant now, int limit) {
        return queryHolds("WHERE status = 'PENDING' AND " + column(kind) + " IS NULL AND created_at <= ? "
                + (kind == FollowUpKind.ESCALATION ? "AND delegate IS NOT NULL " : "")
                + "AND expires_at > ? ORDER BY created_at FETCH FIRST " + limit + " ROWS ONLY", ts(receivedBy), ts(now));
    }

    @Override
    public boolean followUp(FollowUpKind kind, String holdId, Instant at, NewLink link, List<AuditEvent> events,
                            List<NewJob> jobs) {
        return jdbc.inTransaction(c -> {
            // the column set once is the claim: one instance sends it, and never again after a restart
            try (PreparedStatement s = c.prepareStatement("UPDATE hold_message SET " + column(kind) + " = ? "
                    + "WHERE id = ? AND status = 'PENDING' AND " + column(kind) + " IS NULL")) {
                Jdbc.bind(s, ts(at), holdId);
                if (s.executeUpdate() != 1) {
                    c.rollback();
                    return false;
                }
            }
            execute(c, "INSERT INTO hold_link (token_hash, hold_id, holder, created_at) VALUES (?, ?, ?, ?)",
                    link.tokenHash(), holdId, cut(link.holder(), 320), ts(at));
            HoldRows.insertEvents(c, events);
            HoldRows.insertJobs(c, jobs);
            return true;
        });
    }

    private static String column(FollowUpKind kind) {
        return kind == FollowUpKind.REMINDER ? "reminded_at" : "escalated_at";
    }

    @Override
    public List<HeldMessage> pending(int limit) {
        return queryHolds("WHERE status = 'PENDING' ORDER BY created_at FETCH FIRST " + limit + " ROWS ONLY");
    }

    @Override
    public List<HeldMessage> withStatus(HoldStatus status, int limit) {
        return queryHolds("WHERE status = ? ORDER BY created_at DESC FETCH FIRST " + limit + " ROWS ONLY",
                status.name());
    }

    @Override
    public boolean markUnreadable(String holdId, Instant at, List<AuditEvent> events, List<NewJob> jobs) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE hold_message SET status = 'UNREADABLE', "
                    + "decided_at = COALESCE(decided_at, ?), decided_by = COALESCE(decided_by, 'system'), "
                    + "decision = COALESCE(decision, 'unreadable') WHERE id = ? AND status IN ('PENDING', 'RELEASED')")) {
                s.setObject(1, ts(at));
                s.setString(2, holdId);
                if (s.executeUpdate() != 1) {
                    c.rollback();
                    return false;
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE delivery_job SET state = 'FAILED', finished_at = ?, "
                    + "lease_owner = NULL, lease_until = NULL, last_error = 'content unreadable' "
                    + "WHERE hold_id = ? AND kind = 'RELEASE' AND state = 'QUEUED'")) {
                s.setObject(1, ts(at));
                s.setString(2, holdId);
                s.executeUpdate();
            }
            HoldRows.insertEvents(c, events);
            HoldRows.insertJobs(c, jobs);
            return true;
        });
    }

    @Override
    public long countPending() {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM hold_message WHERE status = 'PENDING'");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public List<String> expiredPending(Instant now, int limit) {
        return jdbc.inTransaction(c -> {
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
        return jdbc.inTransaction(c -> {
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
            if (decision.content() != null) {
                // the corrected message replaces the original: what was taken out does not outlive the decision
                try (PreparedStatement s = c.prepareStatement("DELETE FROM sealed_content WHERE content_id = ?")) {
                    s.setString(1, decision.holdId());
                    s.executeUpdate();
                }
                HoldRows.writeContent(c, decision.holdId(), decision.content());
                try (PreparedStatement s = c.prepareStatement("UPDATE hold_message SET size_bytes = ? WHERE id = ?")) {
                    s.setLong(1, decision.size());
                    s.setString(2, decision.holdId());
                    s.executeUpdate();
                }
            }
            if (decision.nearMiss() != null) {
                JdbcNearMisses.insert(c, decision.nearMiss());
            }
            HoldRows.insertEvents(c, events);
            HoldRows.insertJobs(c, jobs);
            return true;
        });
    }

    @Override
    public List<String> purgeContent(Instant decidedBefore, Instant now) {
        return jdbc.inTransaction(c -> {
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

    @Override
    public int forget(Instant receivedBefore) {
        return jdbc.inTransaction(c -> {
            List<String> ids = Jdbc.query(c, "SELECT h.id FROM hold_message h WHERE h.status <> 'PENDING' "
                    + "AND h.created_at < ? AND NOT EXISTS (SELECT 1 FROM delivery_job j WHERE j.hold_id = h.id "
                    + "AND j.state = 'QUEUED') FETCH FIRST 500 ROWS ONLY", rs -> rs.getString(1), ts(receivedBefore));
            for (String id : ids) {
                // notices keep their sealed bytes under the job's content id, a hold's under its own id
                execute(c, "DELETE FROM sealed_content WHERE content_id IN (SELECT content_id FROM delivery_job "
                        + "WHERE hold_id = ?)", id);
                execute(c, "DELETE FROM sealed_content WHERE content_id = ?", id);
                execute(c, "DELETE FROM delivery_job WHERE hold_id = ?", id);
                execute(c, "DELETE FROM hold_audit WHERE hold_id = ?", id);
                execute(c, "DELETE FROM hold_link WHERE hold_id = ?", id);
                execute(c, "DELETE FROM hold_message WHERE id = ?", id);
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM hold_audit WHERE occurred_at < ? AND NOT EXISTS "
                    + "(SELECT 1 FROM hold_message h WHERE h.id = hold_audit.hold_id)")) {
                s.setObject(1, ts(receivedBefore));
                s.executeUpdate();
            }
            return ids.size();
        });
    }

    private static void execute(java.sql.Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, args);
            s.executeUpdate();
        }
    }

    private List<HeldMessage> queryHolds(String where, Object... args) {
        return jdbc.inTransaction(c -> {
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
                json.readValue(rs.getString("details"), HoldDetails.class), instant(rs, "created_at"),
                instant(rs, "expires_at"), Optional.ofNullable(instant(rs, "decided_at")),
                Optional.ofNullable(rs.getString("decided_by")), Optional.ofNullable(rs.getString("decision")),
                Optional.ofNullable(rs.getString("decision_reason")),
                new HeldMessage.FollowUp(Optional.ofNullable(instant(rs, "reminded_at")),
                        Optional.ofNullable(instant(rs, "escalated_at")), Optional.ofNullable(rs.getString("delegate"))));
    }
}

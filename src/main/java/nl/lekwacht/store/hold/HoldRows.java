package nl.lekwacht.store.hold;

import static nl.lekwacht.store.Jdbc.cut;
import static nl.lekwacht.store.Jdbc.ts;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import nl.lekwacht.hold.AuditEvent;
import nl.lekwacht.hold.ChunkSource;
import nl.lekwacht.hold.DeliveryJob;
import nl.lekwacht.hold.HoldStore.NewJob;

/**
 * The inserts that go into the same transaction as a hold or a decision (audit events, sealed
 * content, queued jobs), shared by the hold stores (migration V20).
 */
final class HoldRows {

    private HoldRows() {
    }

    static void insertEvents(Connection c, List<AuditEvent> events) throws SQLException {
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

    static void writeContent(Connection c, String contentId, ChunkSource content) throws SQLException, IOException {
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

    static void insertJobs(Connection c, List<NewJob> jobs) throws SQLException, IOException {
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
}

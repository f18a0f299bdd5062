package nl.lekwacht.store.hold;

import static nl.lekwacht.store.Jdbc.instant;

import java.util.List;
import javax.sql.DataSource;
import nl.lekwacht.hold.AuditEvent;
import nl.lekwacht.hold.HoldAudit;
import nl.lekwacht.store.Jdbc;

/** The holds' audit trail in table {@code hold_audit}. Thread-safe. */
public final class JdbcHoldAudit implements HoldAudit {

    private final Jdbc jdbc;

    public JdbcHoldAudit(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource, "hold audit");
    }

    @Override
    public void audit(AuditEvent event) {
        jdbc.inTransaction(c -> {
            HoldRows.insertEvents(c, List.of(event));
            return null;
        });
    }

    @Override
    public List<AuditEvent> auditTrail(String holdId) {
        return jdbc.list("SELECT hold_id, occurred_at, actor, event, detail FROM hold_audit WHERE hold_id = ? "
                + "ORDER BY id", rs -> new AuditEvent(rs.getString(1), instant(rs, "occurred_at"), rs.getString(3),
                rs.getString(4), rs.getString(5)), holdId);
    }
}

package nl.lekwacht.store.intake;

import static nl.lekwacht.store.Jdbc.instant;
import static nl.lekwacht.store.Jdbc.ts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nl.lekwacht.intake.Document;
import nl.lekwacht.intake.DocumentStore;
import nl.lekwacht.register.AuditEntry;

/** Documents in table {@code register_document}; their audit entries in {@code register_audit}, together. */
public final class JdbcDocumentStore implements DocumentStore {

    private static final String COLUMNS = "id, incident_id, file_name, content_type, size_bytes, sha256, uploaded_by, "
            + "uploaded_at";

    private final DataSource dataSource;

    public JdbcDocumentStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public long add(Document d, byte[] content, AuditEntry audit) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement s = c.prepareStatement("INSERT INTO register_document (incident_id, file_name, "
                        + "content_type, size_bytes, sha256, uploaded_by, uploaded_at, content) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    s.setLong(1, d.incidentId());
                    s.setString(2, d.fileName());
                    s.setString(3, d.contentType());
                    s.setLong(4, d.size());
                    s.setString(5, d.sha256());
                    s.setString(6, d.uploadedBy());
                    s.setObject(7, ts(d.uploadedAt()));
                    s.setBytes(8, content);
                    s.executeUpdate();
                    try (ResultSet keys = s.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO register_audit (incident_id, occurred_at, "
                        + "actor, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)")) {
                    s.setLong(1, d.incidentId());
                    s.setObject(2, ts(audit.at()));
                    s.setString(3, audit.actor());
                    s.setString(4, audit.field());
                    s.setString(5, audit.oldValue());
                    s.setString(6, audit.newValue());
                    s.executeUpdate();
                }
                c.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public List<Document> list(long incidentId) {
        return query("SELECT " + COLUMNS + " FROM register_document WHERE incident_id = ? ORDER BY id", incidentId);
    }

    @Override
    public Optional<Document> find(long incidentId, long documentId) {
        return query("SELECT " + COLUMNS + " FROM register_document WHERE incident_id = ? AND id = ?", incidentId,
                documentId).stream().findFirst();
    }

    @Override
    public Optional<byte[]> content(long incidentId, long documentId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT content FROM register_document WHERE incident_id = ? AND id = ?")) {
            s.setLong(1, incidentId);
            s.setLong(2, documentId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private List<Document> query(String sql, long... args) {
        List<Document> documents = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setLong(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    documents.add(new Document(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("file_name"),
                            rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                            rs.getString("uploaded_by"),
                            instant(rs, "uploaded_at")));
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
        return documents;
    }

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("document store failed: " + e.getMessage(), e);
    }
}

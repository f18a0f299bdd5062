package nl.lekwacht.store.register;

import static nl.lekwacht.store.Jdbc.instant;

import static nl.lekwacht.store.Jdbc.ts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.sql.DataSource;
import nl.lekwacht.store.Jdbc;
import nl.lekwacht.register.Answers;
import nl.lekwacht.register.AuditEntry;
import nl.lekwacht.register.Field;
import nl.lekwacht.register.Incident;
import nl.lekwacht.register.IncidentStore;
import nl.lekwacht.register.MessageFacts;
import nl.lekwacht.register.Origin;
import nl.lekwacht.register.Status;

/** The register in tables {@code register_incident}, {@code register_audit} and {@code register_report_link}. */
public final class JdbcIncidentStore implements IncidentStore {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final Set<String> FINISHED = Set.of(Status.CLOSED.name(), Status.NO_BREACH.name(),
            Status.WITHDRAWN.name());

    private final DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public JdbcIncidentStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Opened open(Incident draft, List<AuditEntry> entries) {
        // Look-ups run after the inserting connection is back in the pool: holding it while asking for
        // another could starve a small pool when many deliveries open incidents at once.
        OptionalLong id = insert(draft, entries);
        if (id.isPresent()) {
            return new Opened(find(id.getAsLong()).orElseThrow(), true);
        }
        return new Opened(findByMessageKey(draft.messageKey())
                .orElseThrow(() -> new IllegalStateException("register store: duplicate key but no incident")), false);
    }

    /** Inserts the incident and its audit entries; empty when its message key is taken. */
    private OptionalLong insert(Incident draft, List<AuditEntry> entries) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement s = c.prepareStatement("INSERT INTO register_incident (message_key, status, "
                        + "origin, status_reason, facts, answers, derived, deadline_at, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    s.setString(1, draft.messageKey().isEmpty() ? null : draft.messageKey());
                    s.setString(2, draft.status().name());
                    s.setString(3, draft.origin().name());
                    bindState(s, 4, draft);
                    s.setObject(9, ts(draft.createdAt()));
                    s.setObject(10, ts(draft.updatedAt()));
                    s.executeUpdate();
                    try (ResultSet keys = s.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                insertAudit(c, id, entries);
                c.commit();
                return OptionalLong.of(id);
            } catch (SQLException e) {
                c.rollback();
                if (UNIQUE_VIOLATION.equals(e.getSQLState()) && !draft.messageKey().isEmpty()) {
                    return OptionalLong.empty();
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public Optional<Incident> find(long id) {
        return queryIncidents("SELECT * FROM register_incident WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public Optional<Incident> findByMessageKey(String messageKey) {
        return queryIncidents("SELECT * FROM register_incident WHERE message_key = ?", messageKey).stream().findFirst();
    }

    @Override
    public List<Incident> list(Optional<Status> status) {
        return status.map(s -> queryIncidents("SELECT * FROM register_incident WHERE status = ?", s.name()))
                .orElseGet(() -> queryIncidents("SELECT * FROM register_incident"));
    }

    @Override
    public void update(Incident incident, List<AuditEntry> entries) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("UPDATE register_incident SET status = ?, status_reason = ?, "
                    + "facts = ?, answers = ?, derived = ?, deadline_at = ?, updated_at = ? WHERE id = ?")) {
                s.setString(1, incident.status().name());
                bindState(s, 2, incident);
                s.setObject(7, ts(incident.updatedAt()));
                s.setLong(8, incident.id());
                s.executeUpdate();
                insertAudit(c, incident.id(), entries);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public List<AuditEntry> audit(long incidentId) {
        List<AuditEntry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT * FROM register_audit WHERE incident_id = ? ORDER BY id")) {
            s.setLong(1, incidentId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(new AuditEntry(rs.getLong("incident_id"), instant(rs, "occurred_at"),
                            rs.getString("actor"), rs.getString("field"), rs.getString("old_value"),
                            rs.getString("new_value")));
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
        return entries;
    }

    @Override
    public void saveReportLink(ReportLink link) {
        update("INSERT INTO register_report_link (token_hash, message_key, facts, created_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?)", link.tokenHash(), link.messageKey(), write(link.facts()),
                ts(link.createdAt()), ts(link.expiresAt()));
    }

    @Override
    public boolean countReportSubmission(String tokenHash, int max) {
        return update("UPDATE register_report_link SET submissions = submissions + 1 WHERE token_hash = ? "
                + "AND submissions < ?", tokenHash, max) == 1;
    }

    @Override
    public Optional<ReportLink> findReportLink(String tokenHash) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT * FROM register_report_link WHERE token_hash = ?")) {
            s.setString(1, tokenHash);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ReportLink(rs.getString("token_hash"), rs.getString("message_key"),
                        json.readValue(rs.getString("facts"), MessageFacts.class), instant(rs, "created_at"),
                        instant(rs, "expires_at")));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw failed(e);
        }
    }

    @Override
    public int stripFinishedBefore(Instant before) {
        int stripped = 0;
        for (Incident incident : queryIncidents("SELECT * FROM register_incident WHERE updated_at < ? AND facts IS NOT NULL",
                ts(before))) {
            if (FINISHED.contains(incident.status().name()) && incident.message().isPresent()) {
                MessageFacts facts = incident.message().get();
                if (!facts.stripped().equals(facts)) {
                    update("UPDATE register_incident SET facts = ? WHERE id = ?", write(facts.stripped()),
                            incident.id());
                    stripped++;
                }
            }
        }
        return stripped;
    }

    @Override
    public int deleteAuditBefore(Instant before) {
        return update("DELETE FROM register_audit WHERE occurred_at < ?", ts(before));
    }

    @Override
    public int deleteReportLinksBefore(Instant before) {
        return update("DELETE FROM register_report_link WHERE expires_at < ?", ts(before));
    }

    private void bindState(PreparedStatement s, int from, Incident incident) throws SQLException {
        s.setString(from, incident.statusReason());
        s.setString(from + 1, incident.message().map(this::write).orElse(null));
        Map<String, String> values = new java.util.LinkedHashMap<>();
        incident.answers().values().forEach((k, v) -> values.put(k.name(), v));
        s.setString(from + 2, write(values));
        s.setString(from + 3, String.join(",", incident.answers().derived().stream().map(Enum::name).toList()));
        s.setObject(from + 4, incident.deadline().map(Jdbc::ts).orElse(null));
    }

    @Override
    public boolean merge(Merge merge, List<AuditEntry> entries) {
        return changeMerge(entries, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO register_merge (incident_id, into_id, "
                    + "discovered_before, merged_at, actor) VALUES (?, ?, ?, ?, ?)")) {
                s.setLong(1, merge.incidentId());
                s.setLong(2, merge.intoId());
                s.setString(3, merge.discoveredBefore());
                s.setObject(4, ts(merge.at()));
                s.setString(5, merge.actor());
                return s.executeUpdate() == 1;
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public boolean unmerge(long incidentId, List<AuditEntry> entries) {
        return changeMerge(entries, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM register_merge WHERE incident_id = ?")) {
                s.setLong(1, incidentId);
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<Merge> merges() {
        List<Merge> merges = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT * FROM register_merge ORDER BY merged_at, incident_id"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                merges.add(new Merge(rs.getLong("incident_id"), rs.getLong("into_id"),
                        rs.getString("discovered_before"), instant(rs, "merged_at"), rs.getString("actor")));
            }
        } catch (SQLException e) {
            throw failed(e);
        }
        return merges;
    }

    private interface MergeChange {
        boolean apply(Connection c) throws SQLException;
    }

    /** Runs a change of the merge table and writes the audit entries when it changed something, in one transaction. */
    private boolean changeMerge(List<AuditEntry> entries, MergeChange change) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean changed = change.apply(c);
                if (changed) {
                    for (AuditEntry e : entries) {
                        insertAudit(c, e.incidentId(), List.of(e));
                    }
                    c.commit();
                } else {
                    c.rollback();
                }
                return changed;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void insertAudit(Connection c, long id, List<AuditEntry> entries) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO register_audit (incident_id, occurred_at, actor, "
                + "field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (AuditEntry e : entries) {
                s.setLong(1, id);
                s.setObject(2, ts(e.at()));
                s.setString(3, e.actor());
                s.setString(4, e.field());
                s.setString(5, cut(e.oldValue()));
                s.setString(6, cut(e.newValue()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private List<Incident> queryIncidents(String sql, Object... args) {
        List<Incident> incidents = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    incidents.add(incident(rs));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw failed(e);
        }
        return incidents;
    }

    private Incident incident(ResultSet rs) throws SQLException, JsonProcessingException {
        Map<String, String> raw = json.readValue(rs.getString("answers"), new TypeReference<Map<String, String>>() { });
        Map<Field, String> values = new EnumMap<>(Field.class);
        raw.forEach((k, v) -> Field.byKey(k).ifPresent(f -> values.put(f, v)));
        Set<Field> derived = EnumSet.noneOf(Field.class);
        Arrays.stream(rs.getString("derived").split(",")).filter(s -> !s.isBlank())
                .forEach(name -> Field.byKey(name).ifPresent(derived::add));
        String facts = rs.getString("facts");
        return new Incident(rs.getLong("id"), Status.valueOf(rs.getString("status")),
                Origin.valueOf(rs.getString("origin")), rs.getString("message_key"),
                facts == null ? Optional.empty() : Optional.of(json.readValue(facts, MessageFacts.class)),
                new Answers(values, derived), rs.getString("status_reason"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write register JSON", e);
        }
    }

    private static String cut(String value) {
        return value.length() > 20000 ? value.substring(0, 20000) : value;
    }

    private static IllegalStateException failed(Exception e) {
        return new IllegalStateException("register store failed: " + e.getMessage(), e);
    }
}

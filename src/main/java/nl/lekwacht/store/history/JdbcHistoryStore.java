package nl.lekwacht.store.history;

import static nl.lekwacht.store.Jdbc.instant;
import static nl.lekwacht.store.Jdbc.ts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import nl.lekwacht.history.AddressKey;
import nl.lekwacht.history.Correspondent;
import nl.lekwacht.history.HistoryStore;
import nl.lekwacht.history.LearnedMessage;
import nl.lekwacht.history.OrganisationHistory;
import nl.lekwacht.history.RecipientGroup;
import nl.lekwacht.history.SenderHistory;

/**
 * Correspondence history in the store (tables of migration V10), in SQL that H2 and PostgreSQL both
 * speak. Learned messages are written in batches ({@link HistoryBatch}): counters are increased with an
 * update-then-insert that retries the update when another instance inserted the same row first, rows
 * in key order, so several gateways may learn at the same time.
 * Thread-safe; times are stored as UTC.
 */
public final class JdbcHistoryStore implements HistoryStore {

    private static final String SEPARATOR = HistoryBatch.SEPARATOR;

    private final DataSource dataSource;

    public JdbcHistoryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean record(LearnedMessage message) {
        return write(List.of(message))[0];
    }

    /** One transaction for the lot (see {@link HistoryBatch}); a failure leaves nothing written. */
    @Override
    public void recordAll(List<LearnedMessage> messages) {
        if (!messages.isEmpty()) {
            write(messages);
        }
    }

    private boolean[] write(List<LearnedMessage> messages) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                boolean[] written = new HistoryBatch(c).write(messages);
                c.commit();
                return written;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("history not recorded: " + e.getMessage(), e);
        }
    }

    private static int execute(Connection c, String sql, Object[] args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        }
    }

    @Override
    public Set<String> unlearn(String sender, String messageKey) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                Set<String> recipients = new TreeSet<>();
                String group = null;
                try (PreparedStatement s = c.prepareStatement("SELECT recipients, group_hash FROM history_message "
                        + "WHERE sender = ? AND message_hash = ? FOR UPDATE")) {
                    s.setString(1, sender);
                    s.setString(2, messageKey);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            for (String a : rs.getString(1).split(SEPARATOR)) {
                                if (!a.isEmpty()) {
                                    recipients.add(a);
                                }
                            }
                            group = rs.getString(2);
                        }
                    }
                }
                if (!recipients.isEmpty()) {
                    forget(c, sender, recipients, group);
                    execute(c, "UPDATE history_message SET recipients = '', group_hash = NULL "
                            + "WHERE sender = ? AND message_hash = ?", new Object[] {sender, messageKey});
                }
                c.commit();
                return recipients;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("history not unlearned: " + e.getMessage(), e);
        }
    }

    /** One message fewer to each recipient; rows that fall to zero go. */
    private static void forget(Connection c, String sender, Set<String> recipients, String group) throws SQLException {
        execute(c, "UPDATE history_sender SET message_count = message_count - 1 WHERE sender = ? AND message_count > 0",
                new Object[] {sender});
        for (String address : recipients) {
            execute(c, "UPDATE history_correspondent SET message_count = message_count - 1 "
                    + "WHERE sender = ? AND address = ?", new Object[] {sender, address});
            if (execute(c, "DELETE FROM history_correspondent WHERE sender = ? AND address = ? AND message_count <= 0",
                    new Object[] {sender, address}) > 0) {
                execute(c, "DELETE FROM history_display_name WHERE sender = ? AND address = ?",
                        new Object[] {sender, address});
            }
            execute(c, "UPDATE history_address SET message_count = message_count - 1 WHERE address = ?",
                    new Object[] {address});
            execute(c, "DELETE FROM history_address WHERE address = ? AND message_count <= 0", new Object[] {address});
            String domain = AddressKey.domain(address);
            execute(c, "DELETE FROM history_domain WHERE domain = ? AND NOT EXISTS "
                    + "(SELECT 1 FROM history_address WHERE domain = ?)", new Object[] {domain, domain});
        }
        if (group != null) {
            execute(c, "UPDATE history_group SET message_count = message_count - 1 WHERE sender = ? AND group_hash = ?",
                    new Object[] {sender, group});
            execute(c, "DELETE FROM history_group WHERE sender = ? AND group_hash = ? AND message_count <= 0",
                    new Object[] {sender, group});
        }
    }


    @Override
    public SenderHistory loadSender(String sender, Instant since) {
        LocalDateTime cutoff = ts(since);
        try (Connection c = dataSource.getConnection()) {
            long messages = 0;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT message_count FROM history_sender WHERE sender = ? AND last_sent >= ?")) {
                s.setString(1, sender);
                s.setObject(2, cutoff);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        messages = rs.getLong(1);
                    }
                }
            }
            Map<String, Set<String>> names = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT address, display_name FROM history_display_name WHERE sender = ? AND last_used >= ?")) {
                s.setString(1, sender);
                s.setObject(2, cutoff);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        names.computeIfAbsent(rs.getString(1), a -> new HashSet<>()).add(rs.getString(2));
                    }
                }
            }
            List<Correspondent> correspondents = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT address, message_count, first_sent, last_sent FROM history_correspondent
                    WHERE sender = ? AND last_sent >= ?""")) {
                s.setString(1, sender);
                s.setObject(2, cutoff);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String address = rs.getString(1);
                        correspondents.add(new Correspondent(address, rs.getLong(2), instant(rs.getObject(3, LocalDateTime.class)),
                                instant(rs.getObject(4, LocalDateTime.class)), names.getOrDefault(address, Set.of())));
                    }
                }
            }
            List<RecipientGroup> groups = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT members, message_count, last_sent FROM history_group
                    WHERE sender = ? AND last_sent >= ?""")) {
                s.setString(1, sender);
                s.setObject(2, cutoff);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        groups.add(new RecipientGroup(Set.of(rs.getString(1).split(SEPARATOR)), rs.getLong(2),
                                instant(rs.getObject(3, LocalDateTime.class))));
                    }
                }
            }
            Map<String, Set<String>> sent = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT message_hash, recipients FROM history_message "
                    + "WHERE sender = ? AND sent_at >= ? AND recipients <> ''")) {
                s.setString(1, sender);
                s.setObject(2, cutoff);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sent.put(rs.getString(1), Set.of(rs.getString(2).split(SEPARATOR)));
                    }
                }
            }
            return new SenderHistory(sender, messages, correspondents, groups, sent);
        } catch (SQLException e) {
            throw new IllegalStateException("history of a sender not loaded: " + e.getMessage(), e);
        }
    }

    @Override
    public OrganisationHistory loadOrganisation(Instant since) {
        LocalDateTime cutoff = ts(since);
        try (Connection c = dataSource.getConnection()) {
            List<OrganisationHistory.KnownAddress> addresses = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT address, display_name, message_count FROM history_address WHERE last_sent >= ?")) {
                s.setObject(1, cutoff);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        addresses.add(new OrganisationHistory.KnownAddress(rs.getString(1), rs.getString(2),
                                rs.getLong(3)));
                    }
                }
            }
            List<String> domains = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT domain FROM history_domain WHERE last_sent >= ?")) {
                s.setObject(1, cutoff);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        domains.add(rs.getString(1));
                    }
                }
            }
            return new OrganisationHistory(addresses, domains);
        } catch (SQLException e) {
            throw new IllegalStateException("organisation history not loaded: " + e.getMessage(), e);
        }
    }

    @Override
    public int purge(Instant before) {
        LocalDateTime cutoff = ts(before);
        try (Connection c = dataSource.getConnection()) {
            int removed = 0;
            removed += delete(c, "DELETE FROM history_display_name WHERE last_used < ?", cutoff);
            removed += delete(c, "DELETE FROM history_correspondent WHERE last_sent < ?", cutoff);
            removed += delete(c, "DELETE FROM history_group WHERE last_sent < ?", cutoff);
            removed += delete(c, "DELETE FROM history_sender WHERE last_sent < ?", cutoff);
            removed += delete(c, "DELETE FROM history_address WHERE last_sent < ?", cutoff);
            removed += delete(c, "DELETE FROM history_domain WHERE last_sent < ?", cutoff);
            removed += delete(c, "DELETE FROM history_message WHERE sent_at < ?", cutoff);
            return removed;
        } catch (SQLException e) {
            throw new IllegalStateException("history not purged: " + e.getMessage(), e);
        }
    }

    private static int delete(Connection c, String sql, LocalDateTime cutoff) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, cutoff);
            return s.executeUpdate();
        }
    }
}

package nl.lekwacht.store.history;

import static nl.lekwacht.store.Jdbc.ts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.lekwacht.history.AddressKey;
import nl.lekwacht.history.LearnedMessage;

/**
 * Writes learned messages to the history tables in one transaction, as the sum of what each message
 * would write: a row mailed n times in the batch gets one update by n instead of n updates, with the
 * same first and last times and the same display name as n updates in order would leave.
 *
 * <p>Rows are written table by table, each table's rows in key order, so that two instances (or two
 * threads) writing batches at the same time take their row locks in the same order and cannot
 * deadlock. Statements are prepared once per batch. Not thread-safe: one batch, one thread.
 */
final class HistoryBatch {

    static final String SEPARATOR = "\n";

    /** What a batch adds to one row. */
    private static final class Tally {
        final String[] key;
        long count;
        Instant first;
        Instant last;
        String name = "";
        Instant nameAt;
        String members;

        Tally(String[] key) {
            this.key = key;
        }

        /**
         * One more message at {@code at}. A display name counts when a message in order would have
         * set it: it is not empty and not older than any message before it in the batch (the store
         * then compares it with the row's last time, as it would for that one message).
         */
        void add(Instant at, String displayName) {
            if (!displayName.isEmpty() && (last == null || !at.isBefore(last))) {
                name = displayName;
                nameAt = at;
            }
            count++;
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
        }
    }

    private final Connection c;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final SortedMap<String, Tally> senders = new TreeMap<>();
    private final SortedMap<String, Tally> correspondents = new TreeMap<>();
    private final SortedMap<String, Tally> displayNames = new TreeMap<>();
    private final SortedMap<String, Tally> addresses = new TreeMap<>();
    private final SortedMap<String, Tally> domains = new TreeMap<>();
    private final SortedMap<String, Tally> groups = new TreeMap<>();

    /** @param c a connection in a transaction the caller commits or rolls back */
    HistoryBatch(Connection c) {
        this.c = c;
    }

    /**
     * Writes the messages; a message whose sender and Message-ID the store knows already (or that
     * came earlier in this batch) is left out.
     *
     * @return per message, in the given order, whether it was written
     */
    boolean[] write(List<LearnedMessage> messages) throws SQLException {
        try {
            boolean[] written = claim(messages);
            for (int i = 0; i < messages.size(); i++) {
                if (written[i]) {
                    tally(messages.get(i));
                }
            }
            flush();
            return written;
        } finally {
            for (PreparedStatement s : statements.values()) {
                s.close();
            }
        }
    }

    /** Inserts the message rows in key order; a row that is there already means learned before. */
    private boolean[] claim(List<LearnedMessage> messages) throws SQLException {
        boolean[] claimed = new boolean[messages.size()];
        List<Integer> keyed = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            claimed[i] = messages.get(i).messageKey().isEmpty();
            if (!claimed[i]) {
                keyed.add(i);
            }
        }
        keyed.sort(Comparator.comparing((Integer i) -> messages.get(i).sender())
                .thenComparing(i -> messages.get(i).messageKey()).thenComparing(i -> i));
        for (int i : keyed) {
            LearnedMessage m = messages.get(i);
            String group = m.visibleGroup().isEmpty() ? null : sha256(sorted(m.visibleGroup()));
            Savepoint savepoint = c.setSavepoint();
            try {
                execute("INSERT INTO history_message (sender, message_hash, sent_at, recipients, group_hash) "
                        + "VALUES (?, ?, ?, ?, ?)", m.sender(), m.messageKey(), ts(m.at()), sorted(m.addresses()),
                        group);
                c.releaseSavepoint(savepoint);
                claimed[i] = true;
            } catch (SQLException e) {
                if (!uniqueViolation(e)) {
                    throw e;
                }
                c.rollback(savepoint);
            }
        }
        return claimed;
    }

    private void tally(LearnedMessage m) {
        Instant at = m.at();
        String sender = m.sender();
        row(senders, sender).add(at, "");
        for (LearnedMessage.LearnedRecipient r : m.recipients()) {
            String address = r.address();
            String name = clip(r.displayName(), 320);
            row(correspondents, sender, address).add(at, "");
            if (!name.isEmpty()) {
                row(displayNames, sender, address, name).add(at, "");
            }
            row(addresses, address).add(at, name);
        }
        for (String domain : new TreeSet<>(m.recipients().stream().map(r -> AddressKey.domain(r.address())).toList())) {
            row(domains, domain).add(at, "");
        }
        if (!m.visibleGroup().isEmpty()) {
            String members = sorted(m.visibleGroup());
            Tally group = row(groups, sender, sha256(members));
            group.members = members;
            group.add(at, "");
        }
    }

    private static Tally row(SortedMap<String, Tally> table, String... key) {
        return table.computeIfAbsent(String.join(SEPARATOR, key), k -> new Tally(key));
    }

    private void flush() throws SQLException {
        for (Tally t : senders.values()) {
            upsert("""
                    UPDATE history_sender SET message_count = message_count + ?,
                      first_sent = CASE WHEN first_sent > ? THEN ? ELSE first_sent END,
                      last_sent = CASE WHEN last_sent < ? THEN ? ELSE last_sent END
                    WHERE sender = ?""", new Object[] {t.count, ts(t.first), ts(t.first), ts(t.last), ts(t.last),
                            t.key[0]},
                    "INSERT INTO history_sender (sender, message_count, first_sent, last_sent) VALUES (?, ?, ?, ?)",
                    new Object[] {t.key[0], t.count, ts(t.first), ts(t.last)});
        }
        for (Tally t : correspondents.values()) {
            upsert("""
                    UPDATE history_correspondent SET message_count = message_count + ?,
                      first_sent = CASE WHEN first_sent > ? THEN ? ELSE first_sent END,
                      last_sent = CASE WHEN last_sent < ? THEN ? ELSE last_sent END
                    WHERE sender = ? AND address = ?""", new Object[] {t.count, ts(t.first), ts(t.first),
                            ts(t.last), ts(t.last), t.key[0], t.key[1]},
                    """
                    INSERT INTO history_correspondent (sender, address, message_count, first_sent, last_sent)
                    VALUES (?, ?, ?, ?, ?)""", new Object[] {t.key[0], t.key[1], t.count, ts(t.first), ts(t.last)});
        }
        for (Tally t : displayNames.values()) {
            upsert("""
                    UPDATE history_display_name SET
                      last_used = CASE WHEN last_used < ? THEN ? ELSE last_used END
                    WHERE sender = ? AND address = ? AND display_name = ?""",
                    new Object[] {ts(t.last), ts(t.last), t.key[0], t.key[1], t.key[2]},
                    """
                    INSERT INTO history_display_name (sender, address, display_name, last_used)
                    VALUES (?, ?, ?, ?)""", new Object[] {t.key[0], t.key[1], t.key[2], ts(t.last)});
        }
        for (Tally t : addresses.values()) {
            Object nameAt = t.nameAt == null ? ts(t.last) : ts(t.nameAt);
            upsert("""
                    UPDATE history_address SET message_count = message_count + ?,
                      display_name = CASE WHEN ? <> '' AND last_sent <= ? THEN ? ELSE display_name END,
                      first_sent = CASE WHEN first_sent > ? THEN ? ELSE first_sent END,
                      last_sent = CASE WHEN last_sent < ? THEN ? ELSE last_sent END
                    WHERE address = ?""", new Object[] {t.count, t.name, nameAt, t.name, ts(t.first), ts(t.first),
                            ts(t.last), ts(t.last), t.key[0]},
                    """
                    INSERT INTO history_address (address, domain, display_name, message_count, first_sent, last_sent)
                    VALUES (?, ?, ?, ?, ?, ?)""",
                    new Object[] {t.key[0], AddressKey.domain(t.key[0]), t.name, t.count, ts(t.first), ts(t.last)});
        }
        for (Tally t : domains.values()) {
            upsert("""
                    UPDATE history_domain SET
                      first_sent = CASE WHEN first_sent > ? THEN ? ELSE first_sent END,
                      last_sent = CASE WHEN last_sent < ? THEN ? ELSE last_sent END
                    WHERE domain = ?""", new Object[] {ts(t.first), ts(t.first), ts(t.last), ts(t.last), t.key[0]},
                    "INSERT INTO history_domain (domain, first_sent, last_sent) VALUES (?, ?, ?)",
                    new Object[] {t.key[0], ts(t.first), ts(t.last)});
        }
        for (Tally t : groups.values()) {
            upsert("""
                    UPDATE history_group SET message_count = message_count + ?,
                      last_sent = CASE WHEN last_sent < ? THEN ? ELSE last_sent END
                    WHERE sender = ? AND group_hash = ?""", new Object[] {t.count, ts(t.last), ts(t.last), t.key[0],
                            t.key[1]},
                    """
                    INSERT INTO history_group (sender, group_hash, members, message_count, last_sent)
                    VALUES (?, ?, ?, ?, ?)""", new Object[] {t.key[0], t.key[1], t.members, t.count, ts(t.last)});
        }
    }

    /**
     * Updates the row, or inserts it when there is none. When another transaction inserted it in
     * between (unique violation), the insert is undone to a savepoint and the update is run again.
     */
    private void upsert(String update, Object[] updateArgs, String insert, Object[] insertArgs) throws SQLException {
        if (execute(update, updateArgs) > 0) {
            return;
        }
        Savepoint savepoint = c.setSavepoint();
        try {
            execute(insert, insertArgs);
            c.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            if (!uniqueViolation(e)) {
                throw e;
            }
            c.rollback(savepoint);
            if (execute(update, updateArgs) == 0) {
                throw e;
            }
        }
    }

    private int execute(String sql, Object... args) throws SQLException {
        PreparedStatement s = statements.get(sql);
        if (s == null) {
            s = c.prepareStatement(sql);
            statements.put(sql, s);
        }
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
        return s.executeUpdate();
    }

    static boolean uniqueViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    private static String sorted(java.util.Collection<String> addresses) {
        return String.join(SEPARATOR, new TreeSet<>(addresses));
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

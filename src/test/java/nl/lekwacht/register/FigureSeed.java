package nl.lekwacht.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import nl.lekwacht.store.register.JdbcIncidentStore;

/**
 * Writes incidents and near misses straight into a gateway's store, for the tests of the register's figures
 * and the list's benchmark: each incident as the register would keep it, with its answers as given. All
 * data is synthetic.
 */
public final class FigureSeed {

    private final IncidentStore store;
    private final DataSource dataSource;

    public FigureSeed(DataSource dataSource) {
        this.store = new JdbcIncidentStore(dataSource);
        this.dataSource = dataSource;
    }

    /** An incident discovered at {@code discovered} (deadline 72 hours later) with these answers over it. */
    public Incident incident(Status status, Origin origin, Instant discovered, Map<Field, String> answers) {
        return incident(status, origin, discovered, answers, Optional.empty());
    }

    public Incident incident(Status status, Origin origin, Instant discovered, Map<Field, String> answers,
                             Optional<MessageFacts> message) {
        Map<Field, String> values = new EnumMap<>(Field.class);
        values.put(Field.DISCOVERED_AT, discovered.toString());
        values.put(Field.DEADLINE_AT, discovered.plus(Duration.ofHours(72)).toString());
        values.putAll(answers);
        Incident draft = new Incident(0, status, origin, "", message, new Answers(values, Set.of()), "", discovered,
                discovered);
        return store.open(draft, List.of()).incident();
    }

    /** The facts of a message {@code sender} sent, with one finding of {@code code}. */
    public static MessageFacts message(String sender, String subject, String code, Instant sentAt) {
        return new MessageFacts("q-" + sentAt.toEpochMilli(), "", "", sender, subject, List.of("extern.example"), 1,
                List.of(new MessageFacts.FindingFact(code, "HIGH", "body", 1, List.of(), "")), sentAt);
    }

    /** A row as an ended hold leaves it: month {@code YYYY-MM}, codes comma-separated, outcome, department. */
    public void nearMiss(String month, String codes, String outcome, String department) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO hold_near_miss (held_month, codes, outcome, department) VALUES (?, ?, ?, ?)")) {
            s.setString(1, month);
            s.setString(2, codes);
            s.setString(3, outcome);
            s.setString(4, department);
            s.executeUpdate();
        }
    }
}

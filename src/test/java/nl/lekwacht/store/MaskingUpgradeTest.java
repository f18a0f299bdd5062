package nl.lekwacht.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.lekwacht.config.StoreConfig;
import nl.lekwacht.support.Bsns;
import nl.lekwacht.support.PostgresSchema;
import nl.lekwacht.support.StringsSearch;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written by a version that kept full BSNs is masked by the upgrade, and on H2 the file is
 * compacted so that the old values are not left in it.
 */
class MaskingUpgradeTest {

    /** The last version before the masking migration. */
    private static final String BEFORE = "33";

    private final String bsn = Bsns.valid(45);
    private final String spaced = bsn.substring(0, 3) + " " + bsn.substring(3, 6) + " " + bsn.substring(6);
    private final String masked = "*****" + bsn.substring(5);

    @TempDir
    Path data;

    @Test
    void upgradeMasksStoredBsnsAndLeavesNoneInTheH2File() throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("store").toAbsolutePath();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target(BEFORE).load().migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            plant(c);
        }
        assertThat(StringsSearch.find(data, bsn)).as("the search finds what the old version stored").isNotEmpty();

        try (Database database = Database.open(new StoreConfig(url, "", "", 2, 1));
             Connection c = database.dataSource().getConnection()) {
            assertMasked(c);
        }
        assertThat(StringsSearch.find(data, bsn)).as("no form of the BSN left in the H2 files").isEmpty();

        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO gateway_instance (instance_id, hostname, started_at, last_seen_at) "
                    + "VALUES ('after', 'host-" + bsn + "', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }
        assertThat(StringsSearch.find(data, bsn)).as("the search still finds a value written after the upgrade")
                .isNotEmpty();
    }

    @Test
    void upgradeMasksStoredBsnsOnPostgresql() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create()) {
            Flyway.configure().dataSource(schema.url(), null, null).locations("classpath:db/migration")
                    .target(BEFORE).load().migrate();
            try (Connection c = DriverManager.getConnection(schema.url())) {
                plant(c);
            }
            try (Database database = schema.open(); Connection c = database.dataSource().getConnection()) {
                assertMasked(c);
            }
        }
    }

    private void plant(Connection c) throws Exception {
        Timestamp now = Timestamp.from(Instant.parse("2026-06-01T10:00:00Z"));
        String details = "{\"queueId\":\"Q1\",\"client\":\"127.0.0.1\",\"findings\":[{\"code\":\"BSN\",\"where\":"
                + "\"attachment:paspoort_" + bsn + ".pdf\",\"count\":1,\"evidence\":[\"*****" + bsn.substring(5)
                + "\"],\"message\":\"\",\"details\":{}}],\"reasons\":[\"BSN in attachment:paspoort_" + bsn
                + ".pdf\"],\"attachments\":[{\"name\":\"paspoort_" + bsn + ".pdf\",\"contentType\":"
                + "\"application/pdf\",\"size\":" + 123456782 + "}]}";
        update(c, "INSERT INTO hold_message (id, token_hash, status, sender, recipients, subject, size_bytes, details, "
                + "created_at, expires_at, decision_reason) VALUES ('Q1', 'h1', 'SENT', 'a@gemeente.example', "
                + "'b@elders.example', ?, 10, ?, ?, ?, ?)", "Dossier BSN " + bsn + " aanvraag", details, now, now,
                "klant " + spaced + " wil het zo");
        update(c, "INSERT INTO hold_audit (hold_id, occurred_at, actor, event, detail) VALUES ('Q1', ?, 'link', "
                + "'DECIDED', ?)", now, "action=send; reason=klant " + bsn);
        update(c, "INSERT INTO register_incident (message_key, status, origin, status_reason, facts, answers, "
                + "derived, created_at, updated_at) VALUES ('queue:Q1', 'OPEN', 'RESIDENT', ?, ?, ?, '', ?, ?)",
                "geen lek, " + bsn, "{\"queueId\":\"Q1\",\"subject\":\"Dossier " + bsn + "\",\"findings\":[]}",
                "{\"SUMMARY\":\"Brief over " + spaced + "\"}", now, now);
        update(c, "INSERT INTO register_audit (incident_id, occurred_at, actor, field, old_value, new_value) "
                + "VALUES (1, ?, 'po', 'SUMMARY', ?, ?)", now, "", "Brief over " + bsn);
        update(c, "INSERT INTO register_report_link (token_hash, message_key, facts, created_at, expires_at) "
                + "VALUES ('r1', 'queue:Q1', ?, ?, ?)", "{\"subject\":\"Dossier " + bsn + "\"}", now, now);
        update(c, "INSERT INTO intake_report (incident_id, origin, answers, contact_phone, contact_email, reporter, "
                + "created_at) VALUES (1, 'RESIDENT', ?, '', '', '', ?)", "{\"WHAT\":\"mijn BSN " + bsn
                + " stond in een mail\"}", now);
        update(c, "INSERT INTO register_document (incident_id, file_name, content_type, size_bytes, sha256, "
                + "uploaded_by, uploaded_at, content) VALUES (1, ?, 'text/plain', 1, 'x', 'po', ?, ?)",
                "brief-" + bsn + ".txt", now, new byte[] {1});
    }

    private void assertMasked(Connection c) throws Exception {
        List<String> values = new ArrayList<>();
        values.addAll(column(c, "SELECT subject, details, decision_reason FROM hold_message"));
        values.addAll(column(c, "SELECT detail FROM hold_audit"));
        values.addAll(column(c, "SELECT status_reason, facts, answers FROM register_incident"));
        values.addAll(column(c, "SELECT old_value, new_value FROM register_audit"));
        values.addAll(column(c, "SELECT facts FROM register_report_link"));
        values.addAll(column(c, "SELECT answers FROM intake_report"));
        values.addAll(column(c, "SELECT file_name FROM register_document"));
        assertThat(values).hasSize(11);
        for (String value : values) {
            assertThat(StringsSearch.find("store", value, bsn)).as(value).isEmpty();
        }
        assertThat(String.join("\n", values)).contains("Dossier BSN " + masked + " aanvraag",
                "paspoort_" + masked + ".pdf", "klant " + masked, "\"size\":123456782", "brief-" + masked + ".txt",
                "\"queueId\":\"Q1\"");
    }

    private static List<String> column(Connection c, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    if (rs.getString(i) != null && !rs.getString(i).isEmpty()) {
                        values.add(rs.getString(i));
                    }
                }
            }
        }
        return values;
    }

    private static void update(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}

package nl.lekwacht.store.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import nl.lekwacht.config.StoreConfig;
import nl.lekwacht.intake.Document;
import nl.lekwacht.intake.Question;
import nl.lekwacht.intake.Report;
import nl.lekwacht.register.AuditEntry;
import nl.lekwacht.register.Origin;
import nl.lekwacht.store.Database;
import nl.lekwacht.store.register.JdbcIncidentStore;
import nl.lekwacht.support.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports, the forms' counters and documents on H2 and PostgreSQL, as every instance sees them. */
class IntakeStoresTest {

    private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void storesWorkOnH2() {
        try (Database db = Database.open(new StoreConfig("jdbc:h2:file:" + dir.resolve("s").toAbsolutePath(), "", "",
                4, 1))) {
            exercise(db, db);
        }
    }

    @Test
    void whatOneInstanceStoresAnotherSeesOnPostgres() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create(); Database one = schema.open(); Database two = schema.open()) {
            exercise(one, two);
        }
    }

    private static void exercise(Database one, Database two) {
        JdbcReportStore reports = new JdbcReportStore(one.dataSource());
        JdbcReportStore other = new JdbcReportStore(two.dataSource());
        Report report = new Report(7, Origin.RESIDENT, Map.of(Question.WHAT_HAPPENED, "<b>brief</b>\nregel 2",
                Question.DATA_LOST, "no"), "06-12345678", "inwoner@example.net", "", T0);
        reports.save(report);
        Report read = other.find(7).orElseThrow();
        assertThat(read.answers()).isEqualTo(report.answers());
        assertThat(read.phone()).isEqualTo("06-12345678");
        assertThat(read.email()).isEqualTo("inwoner@example.net");
        assertThat(read.createdAt()).isEqualTo(T0);
        assertThat(other.find(8)).isEmpty();

        reports.record("report-client:abc", T0);
        other.record("report-client:abc", T0.plusSeconds(10));
        assertThat(reports.countSince("report-client:abc", T0.minusSeconds(1))).isEqualTo(2);
        assertThat(other.deleteOlderThan(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(reports.countSince("report-client:abc", T0.minusSeconds(1))).isEqualTo(1);

        byte[] content = new byte[300_000];
        new Random(5).nextBytes(content);
        JdbcDocumentStore documents = new JdbcDocumentStore(one.dataSource());
        JdbcDocumentStore otherDocuments = new JdbcDocumentStore(two.dataSource());
        long id = documents.add(new Document(0, 7, "bewijs.pdf", "application/pdf", content.length, "x".repeat(64),
                "fg", T0), content, new AuditEntry(7, T0, "fg", "document", "", "bewijs.pdf"));
        assertThat(otherDocuments.list(7)).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(id);
            assertThat(d.uploadedBy()).isEqualTo("fg");
            assertThat(d.uploadedAt()).isEqualTo(T0);
        });
        assertThat(otherDocuments.content(7, id)).hasValueSatisfying(c -> assertThat(c).isEqualTo(content));
        assertThat(otherDocuments.content(8, id)).as("only through its own incident").isEmpty();
        assertThat(new JdbcIncidentStore(two.dataSource()).audit(7)).extracting(AuditEntry::field)
                .containsExactly("document");
    }
}

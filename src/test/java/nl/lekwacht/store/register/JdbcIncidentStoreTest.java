package nl.lekwacht.store.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.lekwacht.config.OrganisationConfig;
import nl.lekwacht.config.StoreConfig;
import nl.lekwacht.register.Field;
import nl.lekwacht.register.FormDerivation;
import nl.lekwacht.register.Incident;
import nl.lekwacht.register.IncidentRegister;
import nl.lekwacht.register.IncidentStore;
import nl.lekwacht.register.MessageFacts;
import nl.lekwacht.register.Origin;
import nl.lekwacht.register.SeverityEstimate;
import nl.lekwacht.register.Status;
import nl.lekwacht.register.Workflow;
import nl.lekwacht.store.Database;
import nl.lekwacht.support.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The register's tables on H2 and PostgreSQL: round trip, one incident per message across instances, retention. */
class JdbcIncidentStoreTest {

    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");

    @TempDir
    Path dir;

    private static IncidentRegister register(Database database, Instant now) {
        SeverityEstimate severity = new SeverityEstimate();
        return IncidentRegister.over(new JdbcIncidentStore(database.dataSource()), new FormDerivation(
                new OrganisationConfig(List.of("gemeente.example"), OrganisationConfig.DEFAULT_CONSUMER_DOMAINS,
                        List.of()), 72, severity), severity, new Workflow(), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static MessageFacts facts(String queueId) {
        return new MessageFacts(queueId, "", "<same-message@gemeente.example>", "a.jansen@gemeente.example",
                "Beschikking – coöperatie ‘t Hoekje", List.of("gmail.com"), 2, List.of(new MessageFacts.FindingFact(
                "BSN", "HIGH", "attachment:lijst.xlsx", 12, List.of("*****1234", "*****5678"), "")), T0);
    }

    private Database h2() {
        return Database.open(new StoreConfig("jdbc:h2:file:" + dir.resolve("store").toAbsolutePath(), "", "", 8, 1));
    }

    @Test
    void roundTripsAnIncidentWithAnswersFactsAndAuditOnH2() {
        try (Database db = h2()) {
            roundTrip(db);
        }
    }

    @Test
    void roundTripsAnIncidentWithAnswersFactsAndAuditOnPostgres() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create(); Database db = schema.open()) {
            roundTrip(db);
        }
    }

    @Test
    void twoInstancesOpeningTheSameMessageAtOnceMakeOneIncidentOnPostgres() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create(); Database one = schema.open(); Database two = schema.open()) {
            sameMessageOnce(one, two);
        }
    }

    @Test
    void twoRegistersOpeningTheSameMessageAtOnceMakeOneIncidentOnH2() throws Exception {
        try (Database db = h2()) {
            sameMessageOnce(db, db);
        }
    }

    @Test
    void retentionStripsFinishedIncidentsAndOldAuditButKeepsOpenOnes() {
        try (Database db = h2()) {
            IncidentRegister early = register(db, T0);
            long finished = early.opening().openForMessage(Origin.MONITOR, facts("Q1"), "lekwacht").incident().id();
            early.editing().move(finished, Status.NO_BREACH, "Adres was van de betrokkene zelf", "fg");
            long open = early.opening().openForMessage(Origin.MONITOR, new MessageFacts("Q2", "", "", "b@gemeente.example",
                    "Open", List.of("ziggo.nl"), 1, List.of(), T0), "lekwacht").incident().id();
            JdbcIncidentStore store = new JdbcIncidentStore(db.dataSource());
            Instant later = T0.plus(Duration.ofDays(400));
            assertThat(store.stripFinishedBefore(later.minus(Duration.ofDays(365)))).isEqualTo(1);
            MessageFacts stripped = store.find(finished).orElseThrow().message().orElseThrow();
            assertThat(stripped.subject()).isEmpty();
            assertThat(stripped.sender()).isEmpty();
            assertThat(stripped.findings().get(0).evidence()).isEmpty();
            assertThat(stripped.findings().get(0).count()).isEqualTo(12);
            assertThat(store.find(open).orElseThrow().message().orElseThrow().subject()).isEqualTo("Open");
            assertThat(store.find(finished).orElseThrow().answers().get(Field.KIND)).isNotEmpty();
            assertThat(store.deleteAuditBefore(later)).isGreaterThan(0);
            assertThat(store.audit(finished)).isEmpty();
        }
    }

    private static void roundTrip(Database db) {
        IncidentRegister register = register(db, T0);
        Incident opened = register.opening().openForMessage(Origin.MONITOR, facts("Q1"), "lekwacht").incident();
        register.editing().edit(opened.id(), Map.of(Field.CONSEQUENCES, "Risico op identiteitsfraude; ‘quotes’ & <tags>"),
                Set.of(Field.KIND), "fg");
        Incident read = register.queries().find(opened.id()).orElseThrow();
        assertThat(read.message()).contains(facts("Q1"));
        assertThat(read.answers().get(Field.CONSEQUENCES)).isEqualTo("Risico op identiteitsfraude; ‘quotes’ & <tags>");
        assertThat(read.answers().isDerived(Field.KIND)).isFalse();
        assertThat(read.answers().isDerived(Field.DATA_CATEGORIES)).isTrue();
        assertThat(read.answers().get(Field.RECORDS_COUNT)).isEqualTo("12");
        assertThat(read.deadline()).contains(T0.plus(Duration.ofHours(72)));
        assertThat(register.queries().audit(opened.id())).extracting(e -> e.field())
                .containsExactly("created", "kind", "consequences");
        assertThat(register.queries().list(Optional.of(Status.NEW))).hasSize(1);
        assertThat(register.queries().list(Optional.of(Status.CLOSED))).isEmpty();
        IncidentStore.ReportLink link = new IncidentStore.ReportLink("h".repeat(64), "mid:x", facts("Q1"), T0,
                T0.plusSeconds(60));
        JdbcIncidentStore store = new JdbcIncidentStore(db.dataSource());
        store.saveReportLink(link);
        assertThat(store.findReportLink("h".repeat(64))).contains(link);
        assertThat(store.deleteReportLinksBefore(T0.plusSeconds(61))).isEqualTo(1);
    }

    private static void sameMessageOnce(Database one, Database two) throws Exception {
        IncidentRegister first = register(one, T0);
        IncidentRegister second = register(two, T0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<IncidentStore.Opened>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                IncidentRegister r = i % 2 == 0 ? first : second;
                String queue = "Q" + i;
                attempts.add(() -> r.opening().openForMessage(Origin.MONITOR, facts(queue), "lekwacht"));
            }
            List<IncidentStore.Opened> results = new ArrayList<>();
            for (Future<IncidentStore.Opened> f : pool.invokeAll(attempts)) {
                results.add(f.get());
            }
            assertThat(results.stream().filter(IncidentStore.Opened::created)).hasSize(1);
            assertThat(results.stream().map(o -> o.incident().id()).distinct()).hasSize(1);
            assertThat(first.queries().list(Optional.empty())).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}

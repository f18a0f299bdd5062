package nl.lekwacht.store.history;

import nl.lekwacht.support.PostgresSchema;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import nl.lekwacht.config.HistoryConfig;
import nl.lekwacht.config.OrganisationConfig;
import nl.lekwacht.config.StoreConfig;
import nl.lekwacht.history.HistoryService;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.MailAddress;
import nl.lekwacht.message.MessageHeaders;
import nl.lekwacht.store.Database;
import nl.lekwacht.support.FakeTicker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History survives a restart (H2 file) and is shared by instances on one PostgreSQL within the refresh. */
class HistoryServiceSharingTest {

    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
    private static final OrganisationConfig ORGANISATION = new OrganisationConfig(List.of("gemeente.example"),
            OrganisationConfig.DEFAULT_CONSUMER_DOMAINS, List.of());
    private static final HistoryConfig CONFIG = new HistoryConfig(Duration.ofSeconds(60), 20, Duration.ofDays(730));
    private static final String SENDER = "a.visser@gemeente.example";

    @TempDir
    Path dir;

    private static HistoryService service(Database database, FakeTicker ticker) {
        return new HistoryService(new JdbcHistoryStore(database.dataSource()), CONFIG, ORGANISATION,
                Clock.fixed(NOW, ZoneOffset.UTC), ticker, Runnable::run);
    }

    private static void deliver(HistoryService history, String recipient) {
        Envelope envelope = new Envelope("q", SENDER, List.of(recipient, "collega@gemeente.example"),
                InetAddress.getLoopbackAddress(), "", Optional.empty(), NOW);
        MessageHeaders headers = new MessageHeaders("s", List.of(new MailAddress(SENDER, "")), Optional.empty(),
                List.of(new MailAddress(recipient, "Jan Jansen")), List.of(), "", 1, List.of());
        history.learn(envelope, headers, NOW);
    }

    @Test
    void keepsHistoryAcrossARestart() {
        String url = "jdbc:h2:file:" + dir.resolve("lekwacht");
        try (Database database = Database.open(new StoreConfig(url, "", "", 2, 1))) {
            HistoryService history = service(database, new FakeTicker());
            deliver(history, "Jan.Jansen@Zorgpartner.nl");
            assertThat(history.sender(SENDER).messagesTo("jan.jansen@zorgpartner.nl")).isEqualTo(1);
        }
        try (Database reopened = Database.open(new StoreConfig(url, "", "", 2, 1))) {
            HistoryService history = service(reopened, new FakeTicker());
            assertThat(history.sender(SENDER).messagesTo("jan.jansen@zorgpartner.nl")).isEqualTo(1);
            assertThat(history.sender(SENDER).correspondent("jan.jansen@zorgpartner.nl").orElseThrow().displayNames())
                    .containsExactly("Jan Jansen");
            assertThat(history.sender(SENDER).messagesTo("collega@gemeente.example")).as("internal").isZero();
            assertThat(history.organisation().knowsDomain("zorgpartner.nl")).isTrue();
        }
    }

    @Test
    void showsWhatAnotherInstanceLearnedWithinTheRefreshInterval() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create();
             Database a = schema.open();
             Database b = schema.open()) {
            FakeTicker tickerA = new FakeTicker();
            FakeTicker tickerB = new FakeTicker();
            HistoryService instanceA = service(a, tickerA);
            HistoryService instanceB = service(b, tickerB);
            assertThat(instanceB.sender(SENDER).messagesTo("jan.jansen@zorgpartner.nl")).isZero();
            assertThat(instanceB.organisation().knowsAddress("jan.jansen@zorgpartner.nl")).isFalse();

            deliver(instanceA, "jan.jansen@zorgpartner.nl");

            assertThat(instanceA.sender(SENDER).messagesTo("jan.jansen@zorgpartner.nl")).as("own learning at once")
                    .isEqualTo(1);
            tickerB.advance(Duration.ofSeconds(59));
            assertThat(instanceB.sender(SENDER).messagesTo("jan.jansen@zorgpartner.nl")).as("cached, not stale yet")
                    .isZero();
            tickerB.advance(Duration.ofSeconds(2));
            assertThat(instanceB.sender(SENDER).messagesTo("jan.jansen@zorgpartner.nl")).as("after the refresh")
                    .isEqualTo(1);
            assertThat(instanceB.organisation().knowsAddress("jan.jansen@zorgpartner.nl")).isTrue();
        }
    }
}

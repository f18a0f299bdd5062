package nl.lekwacht.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import nl.lekwacht.config.HistoryConfig;
import nl.lekwacht.config.OrganisationConfig;
import nl.lekwacht.config.StoreConfig;
import nl.lekwacht.store.Database;
import nl.lekwacht.store.history.JdbcHistoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentMailImportTest {

    private static final String SENDER = "a.visser@gemeente.example";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private Database database;
    private HistoryService history;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void open() {
        database = Database.open(new StoreConfig("jdbc:h2:file:" + dir.resolve("db"), "", "", 2, 1));
        history = new HistoryService(new JdbcHistoryStore(database.dataSource()),
                new HistoryConfig(Duration.ofSeconds(60), 20, Duration.ofDays(730)),
                new OrganisationConfig(List.of("gemeente.example"), OrganisationConfig.DEFAULT_CONSUMER_DOMAINS,
                        List.of()), CLOCK, com.github.benmanes.caffeine.cache.Ticker.systemTicker(), Runnable::run);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static String message(String to, String cc, String date) {
        return "From: Anne Visser <" + SENDER + ">\r\nTo: " + to + "\r\n" + (cc.isEmpty() ? "" : "Cc: " + cc + "\r\n")
                + "Date: " + date + "\r\nSubject: test\r\n\r\nBody text\r\n";
    }

    @Test
    void learnsEveryMessageOfAnMboxFile() throws Exception {
        StringBuilder mbox = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            mbox.append("From a.visser@gemeente.example Mon Mar  3 09:00:00 2025\n")
                    .append(message("\"Jansen, Jan\" <Jan.Jansen@Zorgpartner.nl>", "p.bakker@zorgpartner.nl, collega@gemeente.example",
                            "Mon, 3 Mar 2025 09:0" + i + ":00 +0100").replace("\r\n", "\n"))
                    .append(">From quoted line\n\n");
        }
        Path file = dir.resolve("sent.mbox");
        Files.writeString(file, mbox, StandardCharsets.ISO_8859_1);

        SentMailImport.Result result = new SentMailImport(history, new PrintStream(out, true), CLOCK)
                .importMbox(file, SENDER);

        assertThat(result).isEqualTo(new SentMailImport.Result(3, 3, 0, 0, 0));
        SenderHistory learned = history.sender(SENDER);
        assertThat(learned.messagesTo("jan.jansen@zorgpartner.nl")).isEqualTo(3);
        assertThat(learned.correspondent("jan.jansen@zorgpartner.nl").orElseThrow().displayNames())
                .containsExactly("Jansen, Jan");
        assertThat(learned.correspondent("jan.jansen@zorgpartner.nl").orElseThrow().lastSent())
                .isEqualTo(Instant.parse("2025-03-03T08:02:00Z"));
        assertThat(learned.timesSeenTogether(java.util.Set.of("jan.jansen@zorgpartner.nl", "p.bakker@zorgpartner.nl")))
                .isEqualTo(3);
        assertThat(learned.messagesTo("collega@gemeente.example")).isZero();
        assertThat(result.summary()).isEqualTo("3 message(s) read, 3 learned, 0 already imported earlier, "
                + "0 without external recipients, 0 unreadable");
    }

    @Test
    void importingTheSameFolderTwiceLearnsEachMessageOnce() throws Exception {
        Path file = dir.resolve("twice.mbox");
        Files.writeString(file, """
                From a.visser@gemeente.example Mon Mar  3 09:00:00 2025
                To: Jan <jan.jansen@zorgpartner.nl>
                Date: Mon, 3 Mar 2025 10:00:00 +0100
                Message-ID: <m1@gemeente.example>

                body

                From a.visser@gemeente.example Mon Mar  3 10:00:00 2025
                To: jan.jansen@zorgpartner.nl
                Date: Mon, 3 Mar 2025 11:00:00 +0100
                Message-ID: <m2@gemeente.example>

                body
                """, StandardCharsets.ISO_8859_1);
        SentMailImport importer = new SentMailImport(history, new PrintStream(out, true), CLOCK);

        assertThat(importer.importMbox(file, SENDER)).isEqualTo(new SentMailImport.Result(2, 2, 0, 0, 0));
        assertThat(importer.importMbox(file, SENDER)).isEqualTo(new SentMailImport.Result(2, 0, 2, 0, 0));
        assertThat(history.sender(SENDER).messagesTo("jan.jansen@zorgpartner.nl")).isEqualTo(2);
    }

    @Test
    void learnsEveryEmlFileOfADirectory() throws Exception {
        Path sent = Files.createDirectories(dir.resolve("Sent"));
        Files.writeString(sent.resolve("1.eml"), message("bewoner@gmail.com", "", "Tue, 4 Mar 2025 10:00:00 +0000"));
        Files.writeString(sent.resolve("2.EML"), message("bewoner@gmail.com", "", "no date"));
        Files.writeString(sent.resolve("notes.txt"), "not mail");

        SentMailImport.Result result = new SentMailImport(history, new PrintStream(out, true), CLOCK)
                .importDirectory(sent, SENDER);

        assertThat(result.learned()).isEqualTo(2);
        assertThat(history.sender(SENDER).messagesTo("bewoner@gmail.com")).isEqualTo(2);
        assertThat(history.sender(SENDER).correspondent("bewoner@gmail.com").orElseThrow().lastSent())
                .isEqualTo(CLOCK.instant());
    }
    @Test
    void messagesWithoutMessageIdAreLearnedOnceHoweverOftenTheFileIsImported() throws Exception {
        StringBuilder mbox = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            mbox.append("From a.visser@gemeente.example Mon Mar  3 09:00:00 2025\n")
                    .append(message("jan.jansen@zorgpartner.nl", "", "Mon, 3 Mar 2025 09:0" + i + ":00 +0100")
                            .replace("\r\n", "\n"));
        }
        mbox.append("From a.visser@gemeente.example Mon Mar  3 09:00:00 2025\n")
                .append(message("collega@gemeente.example", "", "Mon, 3 Mar 2025 10:00:00 +0100").replace("\r\n", "\n"));
        Path file = dir.resolve("no-ids.mbox");
        Files.writeString(file, mbox, StandardCharsets.ISO_8859_1);
        SentMailImport importer = new SentMailImport(history, new PrintStream(out, true), CLOCK);

        SentMailImport.Result first = importer.importMbox(file, SENDER);
        for (int i = 0; i < 7; i++) {
            importer.importMbox(file, SENDER);
        }
        SentMailImport.Result last = importer.importMbox(file, SENDER);

        assertThat(first).isEqualTo(new SentMailImport.Result(4, 3, 0, 1, 0));
        assertThat(last).isEqualTo(new SentMailImport.Result(4, 0, 3, 1, 0));
        assertThat(history.sender(SENDER).messagesTo("jan.jansen@zorgpartner.nl")).isEqualTo(3);
    }

    @Test
    void aFileThatIsNotAnMboxIsRefusedWithTheReason() throws Exception {
        Path eml = dir.resolve("one.eml");
        Files.writeString(eml, message("jan.jansen@zorgpartner.nl", "", "Mon, 3 Mar 2025 09:00:00 +0100"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SentMailImport(history,
                        new PrintStream(out, true), CLOCK).importMbox(eml, SENDER))
                .isInstanceOf(SentMailImport.NotAnMbox.class).hasMessageContaining("not an mbox file")
                .hasMessageContaining("--dir");
        assertThat(history.sender(SENDER).messagesTo("jan.jansen@zorgpartner.nl")).isZero();
    }
}

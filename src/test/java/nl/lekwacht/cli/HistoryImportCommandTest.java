package nl.lekwacht.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.PostgresSchema;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code history import} as an admin meets it: one summary line, nothing learned twice, and a reason
 * whenever nothing can be learned (an external sender, a file that is not an mbox, a missing file, an
 * H2 store a running gateway holds). With PostgreSQL it runs beside a running gateway.
 */
class HistoryImportCommandTest {

    private static final String SENDER = "a.visser@gemeente.example";

    @TempDir
    Path dir;

    private Path config(String storeUrl) throws Exception {
        Path file = dir.resolve("lekwacht.yml");
        Files.writeString(file, "organisation:\n  internal-domains: [gemeente.example]\nstore:\n  url: \"" + storeUrl
                + "\"\n", StandardCharsets.UTF_8);
        return file;
    }

    private String h2() {
        return "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
    }

    /** Three messages without Message-ID (as some exports write them) and one to a colleague only. */
    private Path mbox() throws Exception {
        StringBuilder mbox = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            mbox.append("From a.visser@gemeente.example Mon Mar  3 09:00:00 2025\n")
                    .append("From: Anne Visser <" + SENDER + ">\nTo: Jan <jan.jansen" + i + "@zorgpartner.nl>\n")
                    .append("Date: Mon, 3 Mar 2025 09:0" + i + ":00 +0100\nSubject: overleg\n\nTot dan.\n\n");
        }
        mbox.append("From a.visser@gemeente.example Mon Mar  3 10:00:00 2025\n")
                .append("From: Anne Visser <" + SENDER + ">\nTo: collega@gemeente.example\n")
                .append("Date: Mon, 3 Mar 2025 10:00:00 +0100\nSubject: intern\n\nIntern.\n");
        Path file = dir.resolve("sent.mbox");
        Files.writeString(file, mbox, StandardCharsets.ISO_8859_1);
        return file;
    }

    @Test
    void importingTheSameMboxAgainLearnsNothingNewAndPrintsOneSummaryLine() throws Exception {
        Path config = config(h2());
        Path mbox = mbox();

        CommandRun first = CommandRun.of("history", "import", "--mbox", mbox.toString(), "--sender", SENDER,
                "--config", config.toString());
        CommandRun second = null;
        for (int i = 0; i < 7; i++) {
            second = CommandRun.of("history", "import", "--mbox", mbox.toString(), "--sender", SENDER,
                    "--config", config.toString());
        }

        assertThat(first.exit()).isZero();
        assertThat(first.out().lines().toList()).containsExactly("4 message(s) read, 3 learned, "
                + "0 already imported earlier, 1 without external recipients, 0 unreadable");
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("4 message(s) read, 0 learned, 3 already imported earlier, "
                + "1 without external recipients, 0 unreadable")
                .contains("nothing new learned: these messages were imported (or relayed) before");
    }

    @Test
    void anExternalSenderIsRefusedWithTheReason() throws Exception {
        CommandRun run = CommandRun.of("history", "import", "--mbox", mbox().toString(), "--sender",
                "iemand@example.org", "--config", config(h2()).toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("nothing to learn: iemand@example.org is not an address of the organisation")
                .contains("gemeente.example");
        assertThat(dir.resolve("store.mv.db")).as("the store is not even opened").doesNotExist();
    }

    @Test
    void aFileThatIsNotAnMboxIsRefusedWithTheReason() throws Exception {
        Path eml = dir.resolve("los.eml");
        Files.writeString(eml, "From: <" + SENDER + ">\r\nTo: jan@zorgpartner.nl\r\nSubject: x\r\n\r\nx\r\n");
        CommandRun run = CommandRun.of("history", "import", "--mbox", eml.toString(), "--sender", SENDER,
                "--config", config(h2()).toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("is not an mbox file").contains("--dir");
    }

    @Test
    void aMissingFileOrDirectoryIsNamed() throws Exception {
        Path config = config(h2());
        CommandRun file = CommandRun.of("history", "import", "--mbox", dir.resolve("weg.mbox").toString(),
                "--sender", SENDER, "--config", config.toString());
        CommandRun folder = CommandRun.of("history", "import", "--dir", dir.resolve("weg").toString(),
                "--sender", SENDER, "--config", config.toString());
        assertThat(file.exit()).isEqualTo(2);
        assertThat(file.err()).contains("weg.mbox: no such file");
        assertThat(folder.exit()).isEqualTo(2);
        assertThat(folder.err()).contains("weg: no such directory");
    }

    @Test
    void anEmptyFolderSaysWhyNothingWasLearned() throws Exception {
        Path sent = Files.createDirectories(dir.resolve("Sent"));
        Files.writeString(sent.resolve("notities.txt"), "geen mail");
        CommandRun run = CommandRun.of("history", "import", "--dir", sent.toString(), "--sender", SENDER,
                "--config", config(h2()).toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("0 message(s) read").contains("only files ending in .eml are read");
    }

    @Test
    void anH2StoreThatAnotherProcessHoldsSaysToStopTheGatewayFirst() throws Exception {
        // another process holds the H2 file open, as a running gateway does (H2's own shell, in a JVM of its own)
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.h2.tools.Shell", "-url", h2(), "-user", "")
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            // the shell prompts once its connection is open (a hang here fails through the surefire timeout)
            StringBuilder seen = new StringBuilder();
            int c;
            while (seen.indexOf("sql>") < 0 && (c = output.read()) >= 0) {
                seen.append((char) c);
            }
            assertThat(seen).as("the H2 shell opened the store").contains("sql>");

            CommandRun run = CommandRun.of("history", "import", "--mbox", mbox().toString(), "--sender", SENDER,
                    "--config", config(h2()).toString());

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("is in use by another process").contains("Stop the gateway first");
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void importRunsWhileTheGatewayRunsOnPostgresql() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create(); CapturingNextHop nextHop = new CapturingNextHop();
             Gateway gateway = TestGateway.startGateway(dir.resolve("gateway"), nextHop.port(),
                     "store:\n  url: \"" + schema.url() + "\"\n")) {
            Path config = config(schema.url());

            CommandRun run = CommandRun.of("history", "import", "--mbox", mbox().toString(), "--sender", SENDER,
                    "--config", config.toString());

            assertThat(run.exit()).as(run.all()).isZero();
            assertThat(run.out()).contains("3 learned");
            try (Connection c = gateway.database().dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM history_message WHERE sender = '" + SENDER + "'")) {
                rows.next();
                assertThat(rows.getInt(1)).as("the running gateway's store has them").isEqualTo(3);
            }
            assertThat(CommandRun.of("history", "import", "--mbox", mbox().toString(), "--sender", SENDER,
                    "--config", config.toString()).out()).contains("0 learned, 3 already imported earlier");
        }
    }

}

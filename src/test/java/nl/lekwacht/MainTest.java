package nl.lekwacht;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract: output and exit codes. */
class MainTest {

    @TempDir
    Path dir;

    @Test
    void checkConfigListsEveryProblemWithItsKeyAndExits2() throws Exception {
        Run run = run("check-config", "--config", Path.of("src/test/resources/config/broken.yml").toString());
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.out).contains("smtp.listen (line 3)", "smtp.max-message-size (line 4)",
                "smtp.idle-timeout (line 5)", "smtp.allowed-networks[0]", "smtp.max-recipeints (line 7): unknown key",
                "downstream.tls (line 9)", "organisation.internal-domains", "policy.BSN (line 13)",
                "web.public-url (line 15)", "store.instances (line 18)");
    }

    @Test
    void scanPrintsTheVerdictAsJsonAndExits0ForACleanMessage() throws Exception {
        Path eml = dir.resolve("clean.eml");
        Files.writeString(eml, "From: <alice@gemeente.example>\r\nTo: <jan@example.org>\r\nSubject: hallo\r\n\r\n"
                + "Tot morgen.\r\n");
        Run run = run("scan", eml.toString(), "--json", "--config", dir.resolve("none.yml").toString());
        assertThat(run.exit).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out);
        assertThat(json.get("verdict").asText()).isEqualTo("DELIVER");
        assertThat(json.get("findings").isArray()).isTrue();
        assertThat(json.get("findings")).isEmpty();
    }

    @Test
    void scanJsonNamesThePartEachFindingWasFoundIn() throws Exception {
        Path eml = dir.resolve("parts.eml");
        Files.writeString(eml, "From: <alice@gemeente.example>\r\nTo: <jan@example.org>\r\nSubject: lijst\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nZie bijlage.\r\n"
                + "--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=lijst.txt\r\n\r\n"
                + "BSN van de aanvrager: 123456782\r\n"
                + "--b--\r\n");
        Run run = run("scan", eml.toString(), "--json", "--config", dir.resolve("none.yml").toString());
        JsonNode findings = new ObjectMapper().readTree(run.out).get("findings");
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.get("code").asText()).isEqualTo("BSN");
            assertThat(f.get("where").asText()).isEqualTo("attachment:lijst.txt");
            assertThat(f.get("part").asText()).isEqualTo("2");
        });
    }

    @Test
    void scanOfAMissingFileExits2() throws Exception {
        assertThat(run("scan", dir.resolve("nope.eml").toString()).exit).isEqualTo(2);
    }

    private record Run(int exit, String out) {
    }

    private static synchronized Run run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.execute(args);
            return new Run(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}

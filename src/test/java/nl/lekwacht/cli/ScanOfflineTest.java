package nl.lekwacht.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.lekwacht.inspect.InspectSide;
import nl.lekwacht.message.extract.TikaContentExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code scan} is the newcomer's quick look at one message: it touches no store (the configured one is
 * neither created nor opened) and starts no parser process for a message without attachments, whatever
 * the configuration's {@code prestart} says.
 */
class ScanOfflineTest {

    @TempDir
    Path dir;

    private final List<TikaContentExtractor> extractors = new ArrayList<>();

    @Test
    void scanOfASmallMessageCreatesNoStoreAndStartsNoParserProcess() throws Exception {
        Path data = dir.resolve("data");
        Path config = dir.resolve("lekwacht.yml");
        Files.writeString(config, "organisation:\n  internal-domains: [gemeente.example]\n"
                + "detectors:\n  extraction:\n    prestart: true\n"
                + "store:\n  url: jdbc:h2:file:" + data.resolve("lekwacht").toAbsolutePath() + "\n",
                StandardCharsets.UTF_8);
        Path eml = dir.resolve("kort.eml");
        Files.writeString(eml, "From: <alice@gemeente.example>\r\nTo: <jan@example.org>\r\nSubject: hallo\r\n\r\n"
                + "Tot morgen.\r\n", StandardCharsets.UTF_8);

        Scanned scanned = scan("scan", eml.toString(), "--config", config.toString());

        assertThat(scanned.exit).isZero();
        assertThat(scanned.out).contains("verdict: DELIVER");
        assertThat(data).as("the configured store is not created").doesNotExist();
        assertThat(extractors).hasSize(1);
        assertThat(extractors.get(0).processesStarted()).as("parser processes started").isZero();
    }

    @Test
    void scanStartsOneParserProcessOnlyWhenAPartNeedsExtraction() throws Exception {
        Path eml = dir.resolve("bijlage.eml");
        Files.writeString(eml, "From: <alice@gemeente.example>\r\nTo: <jan@example.org>\r\nSubject: lijst\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nZie bijlage.\r\n"
                + "--b\r\nContent-Type: application/rtf\r\nContent-Disposition: attachment; filename=lijst.rtf\r\n\r\n"
                + "{\\rtf1\\ansi BSN van de aanvrager: 123456782\\par}\r\n"
                + "--b--\r\n", StandardCharsets.UTF_8);

        Scanned scanned = scan("scan", eml.toString(), "--config", dir.resolve("none.yml").toString());

        assertThat(scanned.out).contains("BSN");
        assertThat(extractors.get(0).processesStarted()).as("parser processes started").isEqualTo(1);
    }

    @Test
    void scanReadsAPlainTextAttachmentWithoutAParserProcess() throws Exception {
        Path eml = dir.resolve("tekst.eml");
        Files.writeString(eml, "From: <alice@gemeente.example>\r\nTo: <jan@example.org>\r\nSubject: lijst\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nZie bijlage.\r\n"
                + "--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=lijst.txt\r\n\r\n"
                + "BSN van de aanvrager: 123456782\r\n"
                + "--b--\r\n", StandardCharsets.UTF_8);

        Scanned scanned = scan("scan", eml.toString(), "--config", dir.resolve("none.yml").toString());

        assertThat(scanned.out).contains("BSN");
        assertThat(extractors.get(0).processesStarted()).as("parser processes started").isZero();
    }

    private record Scanned(int exit, String out) {
    }

    /** Runs {@code scan} through picocli with an extractor factory that keeps what it made. */
    private synchronized Scanned scan(String... args) {
        ScanCommand command = new ScanCommand(config -> {
            TikaContentExtractor extractor = InspectSide.oneMessageExtractor(config);
            extractors.add(extractor);
            return extractor;
        });
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            CommandLine root = new CommandLine(new nl.lekwacht.Main());
            root.addSubcommand("scan", command);
            return new Scanned(root.execute(args), out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}

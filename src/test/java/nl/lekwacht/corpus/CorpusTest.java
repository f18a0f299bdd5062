package nl.lekwacht.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.lekwacht.ContentCorpusChain;
import nl.lekwacht.flow.Screened;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario of the seed-1 corpus ({@code src/test/resources/messages}) through the real chain:
 * the exact finding codes present and absent, the counts, severities, masked evidence, categories and
 * reasons its {@code .expect} file names, and no unmasked number anywhere in a finding.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusTest {

    private ContentCorpusChain chain;

    @BeforeAll
    void start() {
        chain = ContentCorpusChain.start("");
    }

    @AfterAll
    void stop() {
        chain.close();
    }

    static Stream<String> scenarios() throws IOException, URISyntaxException {
        return names(folder("messages"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioYieldsExactlyTheExpectedFindings(String name) throws IOException, URISyntaxException {
        Path dir = folder("messages");
        Expectation expected = Expectation.read(dir.resolve(name + ".expect"));
        Screened screened = chain.screen(Files.readAllBytes(dir.resolve(name + ".eml")));

        List<String> differences = CorpusCheck.differences(expected, screened.verdict());

        assertThat(differences).as(name + ": " + expected.description).isEmpty();
    }

    static Path folder(String name) throws URISyntaxException {
        return Path.of(CorpusTest.class.getResource("/" + name).toURI());
    }

    static Stream<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".eml"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
            return names.stream();
        }
    }
}

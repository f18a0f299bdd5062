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
 * Hand-written scenarios ({@code src/test/resources/messages-context}) for two classes of false BSN
 * findings and the true findings beside them, through the real chain: numbers in a Subject or file name
 * labelled as another kind ({@code Factuur}, {@code Dossiernummer}, {@code Ordernummer:}), lists and
 * columns of serial, article, asset and ticket numbers, and the BSNs that must still be found there
 * (a Subject that names a BSN, a column headed BSN, a bare column of fifty). Each {@code .expect} names
 * the codes present and absent, counts and severities. Written, with their own wording and synthetic
 * numbers that pass the 11-proef, before the detector was changed for them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NumberContextScenariosTest {

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
        return CorpusTest.names(CorpusTest.folder("messages-context"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioYieldsExactlyTheExpectedFindings(String name) throws IOException, URISyntaxException {
        Path dir = CorpusTest.folder("messages-context");
        Expectation expected = Expectation.read(dir.resolve(name + ".expect"));
        Screened screened = chain.screen(Files.readAllBytes(dir.resolve(name + ".eml")));

        List<String> differences = CorpusCheck.differences(expected, screened.verdict());

        assertThat(differences).as(name + ": " + expected.description).isEmpty();
    }
}

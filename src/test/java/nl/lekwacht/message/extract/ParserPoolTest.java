package nl.lekwacht.message.extract;

import static nl.lekwacht.message.extract.TestMessages.fixture;
import static nl.lekwacht.message.extract.TestMessages.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import nl.lekwacht.message.ExtractionProblem;
import org.junit.jupiter.api.Test;

class ParserPoolTest {

    @Test
    void replacesAProcessThatServedItsShare() {
        ExtractionSettings d = ExtractionSettings.defaults();
        ExtractionSettings recycleEach = new ExtractionSettings(d.maxAttachmentSize(), d.maxText(), d.maxDepth(),
                d.maxCompressionRatio(), d.maxUnpackedSize(), Duration.ofSeconds(30), 1, d.childHeap(), d.queueWait(),
                1, false);
        try (TikaContentExtractor extractor = new TikaContentExtractor(recycleEach)) {
            assertThat(extractor.extract(with(fixture("document.rtf"))).problems()).isEmpty();
            List<Long> first = extractor.processIds();

            assertThat(extractor.extract(with(fixture("document.rtf"))).problems()).isEmpty();

            assertThat(first).hasSize(1);
            assertThat(extractor.processIds()).hasSize(1).doesNotContainAnyElementsOf(first);
            assertThat(ProcessHandle.of(first.get(0)).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        }
    }

    @Test
    void stopsEveryProcessWhenClosed() {
        TikaContentExtractor extractor = new TikaContentExtractor(ExtractionSettings.defaults().withPrestart(true));
        List<Long> running = extractor.processIds();

        extractor.close();

        assertThat(running).hasSize(2);
        assertThat(running).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                .isNotEqualTo(java.util.Optional.of(true)));
        assertThat(extractor.extract(with(fixture("document.rtf"))).problems())
                .extracting(ExtractionProblem::reason).containsExactly(ExtractionProblem.Reason.TIMEOUT);
    }
}

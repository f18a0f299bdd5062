package nl.lekwacht.message.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import nl.lekwacht.config.source.ConfigNode;
import nl.lekwacht.config.source.ConfigProblem;
import nl.lekwacht.config.source.YamlSource;
import org.junit.jupiter.api.Test;

class ExtractionSettingsTest {

    private static final long MB = 1024L * 1024;

    @Test
    void defaultsFollowTheDesignBudgets() {
        ExtractionSettings settings = ExtractionSettings.from(ConfigNode.empty());

        assertThat(settings).isEqualTo(ExtractionSettings.defaults());
        assertThat(settings.maxText()).isEqualTo(20 * MB);
        assertThat(settings.maxDepth()).isEqualTo(5);
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.maxAttachmentSize()).isEqualTo(50 * MB);
    }

    @Test
    void readsEveryKeyWithUnits() {
        ConfigNode root = YamlSource.parse("""
                detectors:
                  extraction:
                    max-attachment-size: 20MB
                    max-text: 5MB
                    max-depth: 3
                    max-compression-ratio: 50
                    max-unpacked-size: 64MB
                    timeout: 1s
                    pool-size: 4
                    child-heap: 128MB
                    queue-wait: 5s
                    recycle-after: 100
                    prestart: true
                """, Map.of());

        ExtractionSettings settings = ExtractionSettings.from(root.child("detectors").child("extraction"));

        assertThat(root.problems().all()).isEmpty();
        assertThat(settings).isEqualTo(new ExtractionSettings(20 * MB, 5 * MB, 3, 50, 64 * MB, Duration.ofSeconds(1),
                4, 128 * MB, Duration.ofSeconds(5), 100, true));
    }

    @Test
    void reportsUnknownKeyAndBadValueByName() {
        ConfigNode root = YamlSource.parse("""
                detectors:
                  extraction:
                    timeuot: 1s
                    max-depth: -1
                    child-heap: 1MB
                """, Map.of());

        ExtractionSettings settings = ExtractionSettings.from(root.child("detectors").child("extraction"));

        assertThat(root.problems().all()).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                "detectors.extraction.timeuot", "detectors.extraction.max-depth", "detectors.extraction.child-heap");
        assertThat(settings).isEqualTo(ExtractionSettings.defaults());
    }
}

package nl.lekwacht.message.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The OCR counts are counters by outcome, read from the extractor's totals whenever they are scraped. */
class OcrMetricsTest {

    @Test
    void eachOutcomeIsACounterThatFollowsTheExtractorsTotals() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicReference<OcrCounts> totals = new AtomicReference<>(OcrCounts.NONE);
        OcrMetrics.register(totals, AtomicReference::get, registry);

        assertThat(count(registry, "read")).isZero();
        totals.set(new OcrCounts(7, 3, 2, 1, 4));

        assertThat(count(registry, "read")).isEqualTo(7);
        assertThat(count(registry, "cached")).isEqualTo(3);
        assertThat(count(registry, "skipped")).isEqualTo(2);
        assertThat(count(registry, "scaled-down")).isEqualTo(1);
        assertThat(count(registry, "scaled-up")).isEqualTo(4);
    }

    private static double count(SimpleMeterRegistry registry, String outcome) {
        return registry.get("lekwacht.ocr.images").tag("outcome", outcome).functionCounter().count();
    }
}

package nl.lekwacht.message.extract;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * What the parser processes did with images, as counters a mail admin can scrape: {@code
 * lekwacht_ocr_images_total} by {@code outcome} ({@code read} by Tesseract, {@code cached}: taken from the
 * cache by content hash, {@code skipped}: too small, a logo or icon; {@code scaled-down}: a large photo,
 * {@code scaled-up}: a low-resolution scan, both also read). Read from the extractor's running totals at
 * scrape time, so nothing is counted twice and the extraction path does no metric work.
 */
public final class OcrMetrics {

    private OcrMetrics() {
    }

    /**
     * Registers the counters on {@code registry}. Micrometer holds {@code source} only weakly, so it must
     * be an object the caller keeps (the gateway's extractor), never a lambda made for the purpose.
     */
    public static <T> void register(T source, Function<T, OcrCounts> counts, MeterRegistry registry) {
        counter(registry, source, counts, "read", OcrCounts::read);
        counter(registry, source, counts, "cached", OcrCounts::cached);
        counter(registry, source, counts, "skipped", OcrCounts::skipped);
        counter(registry, source, counts, "scaled-down", OcrCounts::scaledDown);
        counter(registry, source, counts, "scaled-up", OcrCounts::scaledUp);
    }

    private static <T> void counter(MeterRegistry registry, T source, Function<T, OcrCounts> counts, String outcome,
                                    ToLongFunction<OcrCounts> field) {
        FunctionCounter.builder("lekwacht.ocr.images", source, s -> field.applyAsLong(counts.apply(s)))
                .tag("outcome", outcome)
                .description("images in attachments: read by OCR, taken from the cache, skipped, scaled")
                .register(registry);
    }
}

package nl.lekwacht.message.extract;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import nl.lekwacht.config.source.ConfigNode;

/**
 * How scans are read, section {@code detectors.extraction.ocr}: Tesseract through Tika's OCR parser, in
 * the parser processes, single-threaded, inside the message's extraction time. An image-only document
 * that is not read (OCR off, Tesseract missing, over a limit) is uninspectable, never silently clean.
 *
 * @param enabled      read images and image-only PDF pages with Tesseract
 * @param maxPages     a PDF with more pages than this is not read by OCR
 * @param maxPixels    an image larger than this is scaled down to it before OCR (a phone photo)
 * @param minImageSide an image whose shorter side has fewer pixels is skipped: logos, signature icons
 * @param timeout      Tesseract's time for one image or page (the message's extraction timeout still rules)
 * @param language     Tesseract's languages ({@code nld+eng})
 * @param cacheSize    OCR results kept per parser process, by content hash, so a repeated image is read once
 */
public record OcrSettings(boolean enabled, int maxPages, long maxPixels, int minImageSide, Duration timeout,
                          String language, int cacheSize) {

    static final Set<String> KEYS = Set.of("enabled", "max-pages", "max-pixels", "min-image-side", "timeout",
            "language", "cache-size");

    public OcrSettings {
        if (maxPages < 1 || maxPixels < 10_000 || minImageSide < 0 || cacheSize < 0 || timeout.isNegative()
                || timeout.isZero()) {
            throw new IllegalArgumentException("invalid OCR limits");
        }
        if (!language.matches("[a-z_]{3,10}(\\+[a-z_]{3,10})*")) {
            throw new IllegalArgumentException("OCR language must look like nld+eng: " + language);
        }
    }

    public static OcrSettings defaults() {
        return new OcrSettings(true, 5, 12_000_000L, 120, Duration.ofSeconds(30), "nld+eng", 500);
    }

    /** Reads {@code detectors.extraction.ocr}; a bad value is reported on the node and its default used. */
    public static OcrSettings from(ConfigNode node) {
        OcrSettings d = defaults();
        node.rejectUnknownKeys(KEYS);
        String language = node.string("language", d.language());
        if (!language.matches("[a-z_]{3,10}(\\+[a-z_]{3,10})*")) {
            node.problem("language", "expected Tesseract language codes such as nld+eng");
            language = d.language();
        }
        return new OcrSettings(node.bool("enabled", d.enabled()), node.integer("max-pages", d.maxPages(), 1, 1000),
                node.integer("max-pixels", (int) d.maxPixels(), 10_000, 1_000_000_000), node.integer("min-image-side", d.minImageSide(), 0,
                10_000), node.duration("timeout", d.timeout()), language,
                node.integer("cache-size", d.cacheSize(), 0, 100_000));
    }

    /** As one command-line value for the parser process. */
    String encode() {
        return String.join(",", List.of(Boolean.toString(enabled), Integer.toString(maxPages),
                Long.toString(maxPixels), Integer.toString(minImageSide), Long.toString(timeout.toMillis()), language,
                Integer.toString(cacheSize)));
    }

    static OcrSettings decode(String value) {
        if (value == null || value.isBlank()) {
            return defaults();
        }
        String[] f = value.split(",");
        return new OcrSettings(Boolean.parseBoolean(f[0]), Integer.parseInt(f[1]), Long.parseLong(f[2]),
                Integer.parseInt(f[3]), Duration.ofMillis(Long.parseLong(f[4])), f[5], Integer.parseInt(f[6]));
    }
}

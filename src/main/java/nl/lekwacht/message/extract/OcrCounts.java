package nl.lekwacht.message.extract;

/**
 * What the parser processes did with images: how many Tesseract read, how many came from the cache of
 * results by content hash, how many were skipped as too small (logos, signature icons), and how many
 * were scaled down (a large photo) or up (a low-resolution scan) before they were read. Counts, never
 * content; for diagnostics, metrics and tests that must see the cache work without measuring time.
 */
public record OcrCounts(long read, long cached, long skipped, long scaledDown, long scaledUp) {

    public static final OcrCounts NONE = new OcrCounts(0, 0, 0, 0, 0);

    public OcrCounts plus(OcrCounts other) {
        return new OcrCounts(read + other.read, cached + other.cached, skipped + other.skipped,
                scaledDown + other.scaledDown, scaledUp + other.scaledUp);
    }
}

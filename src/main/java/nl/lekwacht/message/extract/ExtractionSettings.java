package nl.lekwacht.message.extract;

import java.time.Duration;
import java.util.Set;
import nl.lekwacht.config.source.ConfigNode;
import nl.lekwacht.config.source.Units;

/**
 * The budgets of attachment text extraction, from {@code detectors.extraction}. Every limit that is
 * reached makes the attachment uninspectable (with the reason), never a silent pass.
 *
 * @param maxAttachmentSize   decoded bytes of one attachment; larger ones are not parsed at all
 * @param maxText             characters of extracted text for one message, over all its attachments
 * @param maxDepth            how deep containers may nest (the attachment itself is level 0, a file
 *                            inside a ZIP level 1); deeper documents are not parsed
 * @param maxCompressionRatio unpacked bytes of files inside containers per byte of attachment (zip bombs);
 *                            checked once more than {@link #RATIO_FLOOR} bytes were unpacked
 * @param maxUnpackedSize     unpacked bytes of files inside containers for one message
 * @param timeout             wall time for extracting one message; past it the parser process is killed
 * @param poolSize            parser processes kept warm
 * @param childHeap           maximum heap of each parser process
 * @param queueWait           how long a message waits for a free parser process before it is given up
 *                            as uninspectable (timeout)
 * @param recycleAfter        messages a parser process serves before it is replaced (bounds leaks)
 * @param prestart            start the parser processes with the gateway rather than at the first
 *                            message with an attachment (which then waits a few seconds, once)
 */
public record ExtractionSettings(long maxAttachmentSize, long maxText, int maxDepth, int maxCompressionRatio,
                                 long maxUnpackedSize, Duration timeout, int poolSize, long childHeap,
                                 Duration queueWait, int recycleAfter, boolean prestart) {

    /** Below this many unpacked bytes the compression ratio is not checked: small files compress well. */
    public static final long RATIO_FLOOR = 10L * 1024 * 1024;

    static final Set<String> KEYS = Set.of("max-attachment-size", "max-text", "max-depth",
            "max-compression-ratio", "max-unpacked-size", "timeout", "pool-size", "child-heap", "queue-wait",
            "recycle-after", "prestart", "ocr");

    private static final long MB = 1024L * 1024;

    public ExtractionSettings {
        requirePositive(maxAttachmentSize, "maxAttachmentSize");
        requirePositive(maxText, "maxText");
        requirePositive(maxCompressionRatio, "maxCompressionRatio");
        requirePositive(maxUnpackedSize, "maxUnpackedSize");
        requirePositive(poolSize, "poolSize");
        requirePositive(recycleAfter, "recycleAfter");
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must not be negative: " + maxDepth);
        }
        if (childHeap < 32 * MB) {
            throw new IllegalArgumentException("childHeap must be at least 32MB: " + childHeap);
        }
        if (maxText > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("maxText too large: " + maxText);
        }
        if (timeout.isNegative() || timeout.isZero() || queueWait.isNegative() || queueWait.isZero()) {
            throw new IllegalArgumentException("timeout and queueWait must be positive");
        }
    }

    public static ExtractionSettings defaults() {
        return new ExtractionSettings(50 * MB, 20 * MB, 5, 100, 100 * MB, Duration.ofSeconds(10), 2,
                256 * MB, Duration.ofSeconds(30), 500, false);
    }

    /** Reads {@code detectors.extraction}; a bad value is reported on the node and its default used. */
    public static ExtractionSettings from(ConfigNode node) {
        ExtractionSettings d = defaults();
        node.rejectUnknownKeys(KEYS);
        return new ExtractionSettings(
                node.size("max-attachment-size", d.maxAttachmentSize(), 1),
                node.size("max-text", d.maxText(), 1024),
                node.integer("max-depth", d.maxDepth(), 0, 50),
                node.integer("max-compression-ratio", d.maxCompressionRatio(), 2, 100_000),
                node.size("max-unpacked-size", d.maxUnpackedSize(), 1024),
                node.duration("timeout", d.timeout()),
                node.integer("pool-size", d.poolSize(), 1, 64),
                node.size("child-heap", d.childHeap(), 32 * MB),
                node.duration("queue-wait", d.queueWait()),
                node.integer("recycle-after", d.recycleAfter(), 1, 1_000_000),
                node.bool("prestart", d.prestart()));
    }

    ExtractionSettings withTimeout(Duration newTimeout) {
        return new ExtractionSettings(maxAttachmentSize, maxText, maxDepth, maxCompressionRatio, maxUnpackedSize,
                newTimeout, poolSize, childHeap, queueWait, recycleAfter, prestart);
    }

    /**
     * For a command that inspects one message and exits: one parser process, started only when a part
     * needs it, so a message without attachments never waits for a JVM to start.
     */
    public ExtractionSettings forOneMessage() {
        return new ExtractionSettings(maxAttachmentSize, maxText, maxDepth, maxCompressionRatio, maxUnpackedSize,
                timeout, 1, childHeap, queueWait, recycleAfter, false);
    }

    ExtractionSettings withPrestart(boolean start) {
        return new ExtractionSettings(maxAttachmentSize, maxText, maxDepth, maxCompressionRatio, maxUnpackedSize,
                timeout, poolSize, childHeap, queueWait, recycleAfter, start);
    }

    @Override
    public String toString() {
        return "extraction{attachment " + Units.formatSize(maxAttachmentSize) + ", text " + maxText
                + " chars, depth " + maxDepth + ", ratio " + maxCompressionRatio + ", unpacked "
                + Units.formatSize(maxUnpackedSize) + ", timeout " + timeout + ", pool " + poolSize + "}";
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}

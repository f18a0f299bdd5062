package nl.lekwacht.message.extract;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.util.Map;
import org.apache.tika.exception.TikaConfigException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;

/**
 * The OCR side of the parser process: whether Tesseract can run here, the Tika settings that make it
 * read images and image-only PDF pages within {@link OcrSettings}, what to do with an image before it
 * is read (skip a logo, scale down a photo) and a bounded cache of results by content hash, so that an
 * image sent again and again (a letterhead, a signature banner) is read once.
 *
 * <p>Lives in the parser process; one instance, used by one request at a time.
 */
final class ScanReading {

    /**
     * What to do with one image.
     *
     * @param factor by how much to scale it before it is read: below 1 for a large photo, above 1 for a
     *               low-resolution scan, 1 to read it as it is
     * @param why    for {@link Action#SKIP} and {@link Action#NOT_READ}, why
     */
    record Plan(Action action, double factor, String why) {
        static Plan read(double factor) {
            return new Plan(Action.READ, factor, null);
        }
    }

    enum Action { READ, SKIP, NOT_READ }

    private final OcrSettings settings;
    private final String unavailable;
    private final Cache<String, String> cache;
    private final TesseractOCRParser tesseract = new TesseractOCRParser();
    private long read;
    private long cachedHits;
    private long skipped;
    private long scaledDown;
    private long scaledUp;

    /** @param unavailable why OCR cannot run here ({@code ocr-off}, {@code ocr-missing}), or null when it can */
    ScanReading(OcrSettings settings, String unavailable) {
        this.settings = settings;
        this.unavailable = unavailable;
        this.cache = Caffeine.newBuilder().maximumSize(settings.cacheSize()).build();
        try {
            tesseract.initialize(Map.of());
        } catch (TikaConfigException e) {
            // reported as ocr-missing by availability(); never reached when Tesseract is there
        }
    }

    /**
     * Reads one image with Tesseract. Tika routes a plain {@code image/png} to its image parsers (metadata
     * only); the OCR parser takes the {@code image/ocr-*} types, so the image is handed to it as one.
     */
    void read(InputStream image, String type, ContentHandler handler, Metadata metadata, ParseContext context)
            throws IOException, SAXException, TikaException {
        metadata.set(Metadata.CONTENT_TYPE, type.replace("image/", "image/ocr-"));
        read++;
        tesseract.parse(image, handler, metadata, context);
    }

    /** What this process did with images since the last call, and starts counting again. */
    OcrCounts takeCounts() {
        OcrCounts counts = new OcrCounts(read, cachedHits, skipped, scaledDown, scaledUp);
        read = 0;
        cachedHits = 0;
        skipped = 0;
        scaledDown = 0;
        scaledUp = 0;
        return counts;
    }

    /** Why OCR cannot run in this process, or null: off in the settings, or no Tesseract with the languages. */
    static String availability(OcrSettings settings) {
        if (!settings.enabled()) {
            return "ocr-off";
        }
        try {
            Process p = new ProcessBuilder("tesseract", "--list-langs").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "ocr-missing";
            }
            for (String language : settings.language().split("\\+")) {
                if (out.lines().noneMatch(l -> l.strip().equals(language))) {
                    return "ocr-missing";
                }
            }
            return null;
        } catch (IOException e) {
            return "ocr-missing";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "ocr-missing";
        }
    }

    /** Null when OCR runs here, else why not. */
    String unavailable() {
        return unavailable;
    }

    /**
     * Sets up Tika for one document: OCR of images and of PDF pages without text, or none; PDF pages
     * are rendered for OCR at {@code dpi} ({@link ScanResolution#renderDpi}).
     */
    void configure(ParseContext context, PDFParserConfig pdf, boolean allowed, int dpi) {
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        boolean on = unavailable == null && allowed;
        ocr.setSkipOcr(!on);
        if (on) {
            ocr.setLanguage(settings.language());
            ocr.setTimeoutSeconds((int) Math.max(1, settings.timeout().toSeconds()));
        }
        context.set(TesseractOCRConfig.class, ocr);
        pdf.setOcrStrategy(on ? PDFParserConfig.OCR_STRATEGY.AUTO : PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setOcrDPI(dpi);
    }

    boolean pagesAllowed(int pages) {
        return pages <= settings.maxPages();
    }

    int maxPages() {
        return settings.maxPages();
    }

    /**
     * What to do with the image in {@code file}: skip it when it is small (a logo; counted as skipped),
     * scale it down when it has more pixels than allowed, up when it is a page scanned at a low
     * resolution ({@link ScanResolution#upscale}), or read it as it is. Decodes no pixels.
     */
    Plan plan(Path file) throws IOException {
        int[] size = dimensions(file);
        if (size == null) {
            return Plan.read(1);
        }
        if (Math.min(size[0], size[1]) < settings.minImageSide()) {
            skipped++;
            return new Plan(Action.SKIP, 1, "smaller than " + settings.minImageSide() + " pixels");
        }
        if (unavailable != null) {
            return new Plan(Action.NOT_READ, 1, unavailable);
        }
        long pixels = (long) size[0] * size[1];
        if (pixels <= settings.maxPixels()) {
            return Plan.read(ScanResolution.upscale(size[0], size[1], settings.maxPixels()));
        }
        return Plan.read(Math.sqrt((double) settings.maxPixels() / pixels));
    }

    /**
     * The image to hand to Tesseract: {@code file} itself, or a grey copy scaled by the plan's factor in
     * a temporary file under {@code tempDir}, which the caller deletes after the read.
     */
    Path prepare(Path file, Plan plan, Path tempDir) throws IOException {
        if (plan.factor() == 1) {
            return file;
        }
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            return file;
        }
        int w = Math.max(1, (int) (image.getWidth() * plan.factor()));
        int h = Math.max(1, (int) (image.getHeight() * plan.factor()));
        BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, plan.factor() > 1
                ? RenderingHints.VALUE_INTERPOLATION_BICUBIC : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        Path out = Files.createTempFile(tempDir, "scaled-", ".png");
        ImageIO.write(scaled, "png", out.toFile());
        if (plan.factor() < 1) {
            scaledDown++;
        } else {
            scaledUp++;
        }
        return out;
    }

    /** Width and height without decoding the pixels; null when no reader knows the format. */
    private static int[] dimensions(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } catch (IOException | RuntimeException e) {
                return null;
            } finally {
                reader.dispose();
            }
        }
    }

    /** The text read before from an image with this content hash, or null; a hit is counted. */
    String cached(String hash) {
        String text = hash == null ? null : cache.getIfPresent(hash);
        if (text != null) {
            cachedHits++;
        }
        return text;
    }

    void remember(String hash, String text) {
        if (hash != null) {
            cache.put(hash, text);
        }
    }

    /** SHA-256 of the file, the cache key. */
    static String hash(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package nl.lekwacht.message.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * How finely a scan is handed to Tesseract, which reads text poorly below about 150 dpi. A page scanned
 * at a lower resolution is enlarged twice first; one made at a fair resolution is read as it is.
 *
 * <p>Why PDFs need care: a scanned page is rendered before OCR, and PDFBox enlarges a page-sized image
 * without the {@code /Interpolate} flag (which scanners do not set) by nearest neighbour. Rendered at a
 * fixed 300 dpi, an 85 dpi scan is enlarged 3.5 times, its pixels 3 or 4 wide by turns, and Tesseract
 * misread digits and keywords ("BEN" for BSN, "B41" for 841) that it read right from the same page at
 * 85 dpi or doubled to 170 (and, measured on the same pages, wrong again at 4 times). So a PDF is
 * rendered at its scan's own resolution, or at exactly twice it when that is low.
 *
 * <p>Stateless.
 */
final class ScanResolution {

    /** What Tesseract reads best, and what a PDF without a scan is rendered at. */
    static final int TARGET_DPI = 300;
    /** Below this a scan is enlarged before it is read. */
    static final int LOW_DPI = 150;
    /** How much a low-resolution scan is enlarged: whole, so rendered pixels stay even. */
    static final int UPSCALE = 2;

    /**
     * A PDF's pages, the lowest resolution of a scanned page in it (0: no page-sized image), and which
     * pages (0-based) hold an image at all: a page with an image and no text is a scan only OCR reads.
     */
    record PdfScan(int pages, double scanDpi, Set<Integer> pagesWithImages) {
        PdfScan {
            pagesWithImages = Set.copyOf(pagesWithImages);
        }

        PdfScan(int pages, double scanDpi) {
            this(pages, scanDpi, Set.of());
        }
    }

    private ScanResolution() {
    }

    /** Pages and scan resolution of a PDF; pages -1 when it cannot be opened here (the parser then reports it). */
    static PdfScan pdf(Path pdf, int maxPagesLooked) {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            double lowest = 0;
            int looked = 0;
            Set<Integer> withImages = new HashSet<>();
            for (PDPage page : doc.getPages()) {
                if (hasImage(page)) {
                    withImages.add(looked);
                }
                if (looked++ >= maxPagesLooked) {
                    continue;
                }
                double dpi = scanDpi(page);
                if (dpi > 0 && (lowest == 0 || dpi < lowest)) {
                    lowest = dpi;
                }
            }
            return new PdfScan(doc.getNumberOfPages(), lowest, withImages);
        } catch (IOException | RuntimeException e) {
            return new PdfScan(-1, 0);
        }
    }

    /** True when the page draws an image of its own (its resources name one); decodes no pixels. */
    private static boolean hasImage(PDPage page) throws IOException {
        PDResources resources = page.getResources();
        if (resources == null) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            if (resources.isImageXObject(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The resolution of the page-sized image on this page (a scan fills its page, a logo does not), or 0
     * when there is none. Taken from the image's pixels and the page's size, not its placement.
     */
    private static double scanDpi(PDPage page) throws IOException {
        PDResources resources = page.getResources();
        PDRectangle box = page.getCropBox();
        if (resources == null || box.getWidth() <= 0 || box.getHeight() <= 0) {
            return 0;
        }
        double pageAspect = box.getWidth() / box.getHeight();
        double best = 0;
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (!(object instanceof PDImageXObject image) || image.getWidth() <= 0 || image.getHeight() <= 0) {
                continue;
            }
            double aspect = (double) image.getWidth() / image.getHeight();
            boolean pageSized = Math.abs(aspect / pageAspect - 1) < 0.1 || Math.abs(aspect * pageAspect - 1) < 0.1;
            if (pageSized) {
                double longSide = Math.max(box.getWidth(), box.getHeight()) / 72.0;
                best = Math.max(best, Math.max(image.getWidth(), image.getHeight()) / longSide);
            }
        }
        return best;
    }

    /**
     * The resolution to render a PDF's pages at for OCR: a fair scan at its own resolution (at most
     * {@link #TARGET_DPI}), a low one at twice it, a PDF without a scan at the target.
     */
    static int renderDpi(double scanDpi) {
        if (scanDpi <= 0) {
            return TARGET_DPI;
        }
        return (int) Math.round(scanDpi < LOW_DPI ? scanDpi * UPSCALE : Math.min(scanDpi, TARGET_DPI));
    }

    /**
     * By how much to enlarge an image before OCR: {@link #UPSCALE} for a scan of a page (the proportions
     * of A4 or Letter, so its resolution can be told from its size) made below {@link #LOW_DPI} when
     * that stays within {@code maxPixels}; 1 otherwise. A screenshot or photo has no page size to go by
     * and is read as it is.
     */
    static double upscale(int width, int height, long maxPixels) {
        double longSide = Math.max(width, height);
        double aspect = longSide / Math.min(width, height);
        boolean page = aspect > 1.25 && aspect < 1.5;
        boolean low = longSide / 11.69 < LOW_DPI;
        boolean fits = (long) width * height * UPSCALE * UPSCALE <= maxPixels;
        return page && low && fits ? UPSCALE : 1;
    }
}

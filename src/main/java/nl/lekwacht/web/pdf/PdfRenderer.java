package nl.lekwacht.web.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.lekwacht.privacy.BsnMasking;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/**
 * Turns one HTML page (a rendered template, with its own {@code <style>}) into a PDF with openhtmltopdf
 * on PDFBox 3: text is real text (selectable, searchable, readable by screen readers and text
 * extraction), SVG charts are drawn as vectors. The HTML is read with jsoup first, so templates need not
 * be XHTML. Any full BSN left in the HTML is masked before rendering: a PDF leaves the system and is
 * archived, so it never carries one.
 *
 * <p>Fonts: DejaVu Sans (Debian's {@code fonts-dejavu-core}) is embedded when installed, so every
 * character (ë, €, –) comes out and copies as itself; without it the PDF falls back to the standard
 * Helvetica, which covers Western European text. Nothing is fetched: links to other resources resolve
 * against no base and are left out. Thread-safe and stateless apart from the font paths; one per gateway.
 */
public final class PdfRenderer {

    /** The font family name pages use in their CSS: {@code font-family: "Lekwacht Sans", sans-serif}. */
    public static final String FONT = "Lekwacht Sans";

    private static final List<Path> REGULAR = List.of(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
    private static final List<Path> BOLD = List.of(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"));

    private final List<Path> regular;
    private final List<Path> bold;

    public PdfRenderer() {
        this(REGULAR, BOLD);
    }

    /** With other font files (the first of each list that exists is used); for tests and other systems. */
    public PdfRenderer(List<Path> regular, List<Path> bold) {
        this.regular = List.copyOf(regular);
        this.bold = List.copyOf(bold);
    }

    /**
     * Renders {@code html} (a whole page) as a PDF.
     *
     * @param title the document title in the PDF's properties (shown by readers); masked like the page
     * @throws UncheckedIOException when the renderer fails (a bug in the page, not an input error)
     */
    public byte[] render(String html, String title) {
        org.jsoup.nodes.Document page = Jsoup.parse(BsnMasking.mask(html));
        page.title(BsnMasking.mask(title));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // without an SVG drawer openhtmltopdf leaves inline <svg> out; Batik draws the charts as vectors
            builder.useSVGDrawer(new BatikSVGDrawer());
            firstExisting(regular).ifPresent(f -> builder.useFont(f.toFile(), FONT, 400,
                    PdfRendererBuilder.FontStyle.NORMAL, true));
            firstExisting(bold).ifPresent(f -> builder.useFont(f.toFile(), FONT, 700,
                    PdfRendererBuilder.FontStyle.NORMAL, true));
            builder.withW3cDocument(new W3CDom().fromJsoup(page), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("rendering the PDF failed", e);
        }
        return out.toByteArray();
    }

    private static java.util.Optional<Path> firstExisting(List<Path> candidates) {
        return candidates.stream().filter(Files::isReadable).findFirst();
    }
}

package nl.lekwacht.web.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import nl.lekwacht.support.Bsns;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** A page becomes a PDF that a real reader opens, with its text as text and no full BSN. */
class PdfRendererTest {

    private static final String PAGE = "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">"
            + "<style>body { font-family: \"Lekwacht Sans\", sans-serif; }</style></head><body>"
            + "<h1>Incident DL-000042</h1><p>Financiële gegevens – € 12,50; BSN " + Bsns.valid(3) + "</p>"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"40\" role=\"img\">"
            + "<title>Grafiek</title><rect x=\"0\" y=\"0\" width=\"60\" height=\"40\" fill=\"#153b66\"/></svg>"
            + "<p>Tweede alinea<br>met een regel</p></body></html>";

    @Test
    void pageBecomesAPdfWhoseTextAReaderExtractsWithTheBsnMasked() throws Exception {
        byte[] pdf = new PdfRenderer().render(PAGE, "Incident DL-000042");
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Incident DL-000042").contains("Financiële gegevens – € 12,50")
                    .contains("Tweede alinea").doesNotContain(Bsns.valid(3)).contains("*****");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Incident DL-000042");
        }
    }

    @Test
    void withoutTheFontFilesTheStandardFontStillGivesText() throws Exception {
        byte[] pdf = new PdfRenderer(List.of(Path.of("/nonexistent.ttf")), List.of()).render(PAGE, "x");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Incident DL-000042");
        }
    }
}

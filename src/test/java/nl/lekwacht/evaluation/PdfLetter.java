package nl.lekwacht.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.cos.COSName;

/**
 * A letter or form laid out line by line with PDFBox, so the corpus controls exactly where a line
 * or a page ends (a number split over two lines, a keyword at the foot of page 1 and its number at
 * the top of page 2, digits drawn one per box, a real AcroForm comb field).
 */
final class PdfLetter {

    private sealed interface Item permits Line, Boxes, Field, PageBreak {
    }

    private record Line(String text, float size, boolean bold, float indent) implements Item {
    }

    private record Boxes(String label, String digits) implements Item {
    }

    private record Field(String label, String name, String value, boolean comb) implements Item {
    }

    private record PageBreak() implements Item {
    }

    private final List<Item> items = new ArrayList<>();
    private String footer;
    private String title = "Document";
    private String author = "";

    PdfLetter title(String t) {
        this.title = t;
        return this;
    }

    PdfLetter author(String a) {
        this.author = a;
        return this;
    }

    PdfLetter line(String text) {
        items.add(new Line(text, 10.5f, false, 0));
        return this;
    }

    PdfLetter lines(String block) {
        for (String l : block.split("\n", -1)) {
            line(l);
        }
        return this;
    }

    PdfLetter indented(String text) {
        items.add(new Line(text, 10.5f, false, 30));
        return this;
    }

    PdfLetter heading(String text) {
        items.add(new Line(text, 13f, true, 0));
        return this;
    }

    PdfLetter bold(String text) {
        items.add(new Line(text, 10.5f, true, 0));
        return this;
    }

    /** A paragraph wrapped at about {@code width} characters. */
    PdfLetter paragraph(String text, int width) {
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            if (current.length() + word.length() + 1 > width && current.length() > 0) {
                line(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(word);
        }
        if (current.length() > 0) {
            line(current.toString());
        }
        return this;
    }

    PdfLetter boxes(String label, String digits) {
        items.add(new Boxes(label, digits));
        return this;
    }

    PdfLetter field(String label, String name, String value, boolean comb) {
        items.add(new Field(label, name, value, comb));
        return this;
    }

    PdfLetter pageBreak() {
        items.add(new PageBreak());
        return this;
    }

    /** A line printed at the foot of every page, followed by the page number. */
    PdfLetter footer(String text) {
        this.footer = text;
        return this;
    }

    byte[] render() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setAuthor(author);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDAcroForm form = null;
            PDPage page = null;
            PDPageContentStream cs = null;
            float y = 0;
            int pageNo = 0;
            for (Item item : items) {
                if (page == null || item instanceof PageBreak || y < 90) {
                    if (cs != null) {
                        cs.close();
                    }
                    page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    pageNo++;
                    cs = new PDPageContentStream(doc, page);
                    y = 780;
                    if (footer != null) {
                        text(cs, regular, 8, 60, 40, footer + "    pagina " + pageNo);
                    }
                    if (item instanceof PageBreak) {
                        continue;
                    }
                }
                if (item instanceof Line l) {
                    if (!l.text().isEmpty()) {
                        text(cs, l.bold() ? bold : regular, l.size(), 60 + l.indent(), y, l.text());
                    }
                    y -= l.size() * 1.45f;
                } else if (item instanceof Boxes b) {
                    text(cs, regular, 10.5f, 60, y, b.label());
                    float x = 230;
                    for (char c : b.digits().toCharArray()) {
                        cs.addRect(x, y - 4, 16, 18);
                        cs.stroke();
                        text(cs, regular, 11, x + 4.5f, y, String.valueOf(c));
                        x += 16;
                    }
                    y -= 28;
                } else if (item instanceof Field f) {
                    if (form == null) {
                        form = new PDAcroForm(doc);
                        doc.getDocumentCatalog().setAcroForm(form);
                        PDResources res = new PDResources();
                        res.put(COSName.getPDFName("Helv"), regular);
                        form.setDefaultResources(res);
                        form.setDefaultAppearance("/Helv 11 Tf 0 g");
                    }
                    text(cs, regular, 10.5f, 60, y, f.label());
                    PDTextField field = new PDTextField(form);
                    field.setPartialName(f.name());
                    field.setDefaultAppearance("/Helv 11 Tf 0 g");
                    if (f.comb()) {
                        field.setMaxLen(f.value().length());
                        field.setComb(true);
                    }
                    form.getFields().add(field);
                    PDAnnotationWidget widget = field.getWidgets().get(0);
                    widget.setRectangle(new PDRectangle(230, y - 5, 16 * Math.max(9, f.value().length()), 19));
                    widget.setPage(page);
                    widget.setPrinted(true);
                    page.getAnnotations().add(widget);
                    field.setValue(f.value());
                    y -= 28;
                }
            }
            if (cs != null) {
                cs.close();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(PDPageContentStream cs, PDType1Font font, float size, float x, float y, String s)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }
}

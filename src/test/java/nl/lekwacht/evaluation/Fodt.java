package nl.lekwacht.evaluation;

/**
 * A flat OpenDocument text (.fodt) written by hand, which LibreOffice then converts to PDF, DOCX,
 * ODT, DOC or RTF. Paragraphs, bold lines, two-column tables, page breaks, and a page header and
 * footer that LibreOffice repeats on every page.
 */
final class Fodt {

    private final StringBuilder body = new StringBuilder();
    private String header = "";
    private String footer = "";
    private String columnWidth = "5cm";

    Fodt header(String text) {
        this.header = text;
        return this;
    }

    Fodt footer(String text) {
        this.footer = text;
        return this;
    }

    /** The width of a table's value column: a narrow one makes LibreOffice wrap a number inside it. */
    Fodt valueColumn(String width) {
        this.columnWidth = width;
        return this;
    }

    Fodt p(String text) {
        body.append("<text:p text:style-name=\"Standard\">").append(esc(text)).append("</text:p>\n");
        return this;
    }

    Fodt paragraphs(String block) {
        for (String para : block.split("\n\n")) {
            p(para.replace("\n", " "));
        }
        return this;
    }

    Fodt bold(String text) {
        body.append("<text:p text:style-name=\"Bold\">").append(esc(text)).append("</text:p>\n");
        return this;
    }

    Fodt heading(String text) {
        body.append("<text:h text:style-name=\"Kop\" text:outline-level=\"1\">").append(esc(text)).append("</text:h>\n");
        return this;
    }

    Fodt pageBreak() {
        body.append("<text:p text:style-name=\"Break\"/>\n");
        return this;
    }

    /** A table of label/value rows. */
    Fodt table(String[][] rows) {
        body.append("<table:table table:name=\"T").append(body.length()).append("\" table:style-name=\"Tbl\">")
                .append("<table:table-column table:style-name=\"ColA\"/><table:table-column table:style-name=\"ColB\"/>");
        for (String[] row : rows) {
            body.append("<table:table-row>");
            for (String cell : row) {
                body.append("<table:table-cell office:value-type=\"string\"><text:p text:style-name=\"Standard\">")
                        .append(esc(cell)).append("</text:p></table:table-cell>");
            }
            body.append("</table:table-row>");
        }
        body.append("</table:table>\n");
        return this;
    }

    /** A table with a header row and any number of columns (equal widths). */
    Fodt grid(String[] head, java.util.List<String[]> rows) {
        body.append("<table:table table:name=\"G").append(body.length()).append("\">")
                .append("<table:table-column table:number-columns-repeated=\"").append(head.length).append("\"/>");
        body.append("<table:table-header-rows><table:table-row>");
        for (String h : head) {
            body.append("<table:table-cell office:value-type=\"string\"><text:p text:style-name=\"Bold\">")
                    .append(esc(h)).append("</text:p></table:table-cell>");
        }
        body.append("</table:table-row></table:table-header-rows>");
        for (String[] row : rows) {
            body.append("<table:table-row>");
            for (String cell : row) {
                body.append("<table:table-cell office:value-type=\"string\"><text:p text:style-name=\"Small\">")
                        .append(esc(cell)).append("</text:p></table:table-cell>");
            }
            body.append("</table:table-row>");
        }
        body.append("</table:table>\n");
        return this;
    }

    String xml() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
                 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
                 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
                 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
                 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
                 <office:font-face-decls>
                  <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
                 </office:font-face-decls>
                 <office:styles>
                  <style:style style:name="Standard" style:family="paragraph">
                   <style:paragraph-properties fo:margin-bottom="0.15cm"/>
                   <style:text-properties style:font-name="Liberation Sans" fo:font-size="10.5pt" fo:language="nl" fo:country="NL"/>
                  </style:style>
                  <style:style style:name="Small" style:family="paragraph" style:parent-style-name="Standard">
                   <style:text-properties fo:font-size="8.5pt"/>
                  </style:style>
                  <style:style style:name="Bold" style:family="paragraph" style:parent-style-name="Standard">
                   <style:text-properties fo:font-weight="bold"/>
                  </style:style>
                  <style:style style:name="Kop" style:family="paragraph" style:parent-style-name="Standard">
                   <style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.3cm"/>
                   <style:text-properties fo:font-size="14pt" fo:font-weight="bold"/>
                  </style:style>
                  <style:style style:name="HeaderFooter" style:family="paragraph" style:parent-style-name="Standard">
                   <style:text-properties fo:font-size="8pt"/>
                  </style:style>
                 </office:styles>
                 <office:automatic-styles>
                  <style:style style:name="Break" style:family="paragraph" style:parent-style-name="Standard">
                   <style:paragraph-properties fo:break-before="page"/>
                  </style:style>
                  <style:style style:name="Tbl" style:family="table">
                   <style:table-properties style:width="%s" table:align="left"/>
                  </style:style>
                  <style:style style:name="ColA" style:family="table-column">
                   <style:table-column-properties style:column-width="5cm"/>
                  </style:style>
                  <style:style style:name="ColB" style:family="table-column">
                   <style:table-column-properties style:column-width="%s"/>
                  </style:style>
                  <style:page-layout style:name="pm1">
                   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm"
                     fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
                   <style:header-style><style:header-footer-properties fo:min-height="0.8cm"/></style:header-style>
                   <style:footer-style><style:header-footer-properties fo:min-height="0.8cm"/></style:footer-style>
                  </style:page-layout>
                 </office:automatic-styles>
                 <office:master-styles>
                  <style:master-page style:name="Standard" style:page-layout-name="pm1">
                   <style:header><text:p text:style-name="HeaderFooter">%s</text:p></style:header>
                   <style:footer><text:p text:style-name="HeaderFooter">%s</text:p></style:footer>
                  </style:master-page>
                 </office:master-styles>
                 <office:body><office:text>
                %s
                 </office:text></office:body>
                </office:document>
                """.formatted(tableWidth(), columnWidth, esc(header), esc(footer), body);
    }

    private String tableWidth() {
        double b = Double.parseDouble(columnWidth.replace("cm", ""));
        return (5 + b) + "cm";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

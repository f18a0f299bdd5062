package nl.lekwacht.evaluation;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Positives where the BSN is in an attachment: PDFs from LibreOffice, PDFBox and a hand-written
 * producer, office documents and spreadsheets from LibreOffice, CSV, iWmo/iJw XML, ZIP in ZIP,
 * attached messages (also base64-encoded), and the bare column of fifty numbers.
 */
final class PositiveDocumentCases {

    private final Kit kit;
    private final Dutch nl;
    private final Letters letters;

    PositiveDocumentCases(Kit kit) {
        this.kit = kit;
        this.nl = kit.nl;
        this.letters = new Letters(kit);
    }

    void addTo(List<Kit.Case> out) {
        for (int i = 0; i < 10; i++) {
            out.add(loLetter(i % 2 == 0 ? "pdf" : "docx", i % 4 == 1));
            out.add(xml(i % 2 == 0));
            out.add(xml(i % 2 != 0));
            out.add(csv());
        }
        for (int i = 0; i < 8; i++) {
            out.add(pdfLineBreak());
            out.add(pdfHyphenated());
            out.add(pdfPage2());
            out.add(loLetter("odt", false));
            out.add(spreadsheet(i % 4 == 3 ? "ods" : "xlsx", false));
            out.add(zipNested());
            out.add(rfc822(i % 4 == 3));
        }
        for (int i = 0; i < 6; i++) {
            out.add(pdfComb(i % 2 == 0));
            out.add(pdfComb(i % 2 != 0));
            out.add(pdfFooter());
            out.add(rawPdf());
            out.add(spreadsheet(i % 2 == 0 ? "xlsx" : "ods", true));
            out.add(bareColumn(i));
            out.add(medical());
        }
        for (int i = 0; i < 5; i++) {
            out.add(loHeader());
        }
        for (int i = 0; i < 4; i++) {
            out.add(loLetter("doc", false));
            out.add(loLetter("rtf", false));
            out.add(htmlAttachment());
            out.add(textAttachment());
            out.add(rfc822(true));
        }
        for (int i = 0; i < 10; i++) {
            out.add(pythonMail());
        }
    }

    private static String type(String format) {
        return switch (format) {
            case "pdf" -> "application/pdf";
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "odt" -> "application/vnd.oasis.opendocument.text";
            case "doc" -> "application/msword";
            case "rtf" -> "application/rtf";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "ods" -> "application/vnd.oasis.opendocument.spreadsheet";
            default -> "application/octet-stream";
        };
    }

    /** A mail with one attachment whose bytes may be made later (LibreOffice). */
    private Kit.Case withAttachment(String category, List<String> bsns, String notes, String subject, String text,
                                    String filename, String contentType, Supplier<byte[]> bytes) {
        Draft.Person me = kit.me();
        Draft.Person to = kit.partner();
        MailWriter.Client c = kit.client();
        Draft d = kit.draft(me, to, subject, c).text(text + "\n\n" + nl.closing(me));
        return kit.positive(category, bsns, notes, () -> {
            d.attach(Draft.Part.attachment(filename, contentType, bytes.get()));
            return kit.writer.write(d, c);
        });
    }

    private Fodt decision(Dutch.Resident r, String bsnShown, String column) {
        var t = kit.when();
        return new Fodt().header("Werkplein Noordwaard  |  " + kit.team()).footer("Postbus " + (100 + kit.random.nextInt(900))
                        + ", " + r.city() + "  -  www.werkplein-noordwaard.example").valueColumn(column)
                .p(r.formal()).p(r.address()).p(r.postcode() + "  " + r.city()).p("")
                .table(new String[][] {{"Datum", kit.dateNl(t)}, {"Ons kenmerk", kit.kenmerk()},
                        {"Burgerservicenummer", bsnShown}, {"Onderwerp", "Besluit op uw aanvraag"}})
                .p("").p(nl.greeting(r)).p(letters.wmoReason(r, t))
                .p("Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken na de datum van deze brief "
                        + "bezwaar maken. Stuur uw bezwaarschrift naar het college van burgemeester en wethouders.")
                .p("Met vriendelijke groet,").p("namens het college van burgemeester en wethouders,")
                .p(kit.me().name()).p(kit.team());
    }

    private Kit.Case loLetter(String format, boolean narrow) {
        Dutch.Resident r = nl.resident();
        String shown = narrow ? Kit.group(r.bsn(), nl.one("333", "324", "423")) : kit.anyGroup(r.bsn());
        Fodt doc = decision(r, shown, narrow ? "1.5cm" : "9cm");
        String name = nl.one("Beschikking ", "Besluit Wmo ", "besluit_", "Toekenning ") + r.last() + "." + format;
        return withAttachment(narrow ? "lo-" + format + "-wrapped" : "lo-" + format, List.of(r.bsn()),
                "LibreOffice " + format + ", BSN in the letter's table" + (narrow ? " (narrow column wraps the number)" : ""),
                "Besluit " + r.last(), "Hierbij het besluit, graag toevoegen aan het dossier.", name, type(format),
                kit.office.writer(doc, format));
    }

    private Kit.Case loHeader() {
        Dutch.Resident r = nl.resident();
        Fodt doc = new Fodt().header("Dossier " + r.sortName() + "  -  BSN " + r.bsn() + "  -  vertrouwelijk")
                .footer("Verslag keukentafelgesprek").heading("Verslag keukentafelgesprek")
                .paragraphs(letters.wmoReason(r, kit.when()) + "\n\n" + letters.reintegratie() + "\n\n"
                        + letters.medisch()).pageBreak().heading("Afspraken").p(letters.neutral());
        return withAttachment("docx-header", List.of(r.bsn()), "BSN only in the page header of a two-page DOCX",
                "Verslag gesprek", "Het verslag zoals besproken.", "Verslag " + r.last() + ".docx", type("docx"),
                kit.office.writer(doc, "docx"));
    }

    private Kit.Case medical() {
        Dutch.Resident r = nl.resident();
        Fodt doc = new Fodt().header("GGD Noordwaard - Medische advisering").heading("Medisch advies")
                .table(new String[][] {{"Naam", r.fullName()}, {"Geboortedatum", r.born()},
                        {"BSN", kit.anyGroup(r.bsn())}, {"Vraagstelling", "belastbaarheid / vervoersvoorziening"}})
                .p("").paragraphs(letters.medisch() + "\n\nAdvies: " + nl.one("toekennen", "niet toekennen",
                        "herbeoordeling na 6 maanden"));
        String format = nl.one("pdf", "docx");
        return withAttachment("medical-" + format, List.of(r.bsn()), "medical advice with diagnosis and BSN",
                "Medisch advies " + r.last(), "Bijgaand het medisch advies, vertrouwelijk.", "medisch_advies_"
                        + r.last().toLowerCase() + "." + format, type(format), kit.office.writer(doc, format));
    }

    private PdfLetter letterHead(Dutch.Resident r) {
        return new PdfLetter().title("Brief").author("Werkplein Noordwaard").heading("Werkplein Noordwaard")
                .line(kit.team()).line("").line(r.formal()).line(r.address()).line(r.postcode() + " " + r.city())
                .line("").line(kit.dateNl(kit.when())).line("");
    }

    private Kit.Case pdfLineBreak() {
        Dutch.Resident r = nl.resident();
        String style = nl.one("333", "423", "324");
        String g = Kit.group(r.bsn(), style);
        int cut = g.lastIndexOf(' ');
        if (kit.random.nextBoolean()) {
            cut = g.indexOf(' ');
        }
        PdfLetter pdf = letterHead(r).line(nl.greeting(r))
                .line("Wij hebben uw aanvraag ontvangen. U staat bij ons geregistreerd onder burgerservicenummer "
                        + g.substring(0, cut))
                .line(g.substring(cut + 1) + " en u woont op het adres " + r.address() + " in " + r.city() + ".")
                .paragraph(letters.bijstandReason(kit.when()), 95);
        return withAttachment("pdf-linebreak", List.of(r.bsn()), "PDFBox: the number is broken across a line end ("
                + style + ")", "Ontvangstbevestiging", "Zie bijgevoegde brief.", "ontvangstbevestiging.pdf",
                "application/pdf", pdf::render);
    }

    private Kit.Case pdfHyphenated() {
        Dutch.Resident r = nl.resident();
        PdfLetter pdf = letterHead(r).line(nl.greeting(r));
        String note;
        switch (kit.random.nextInt(3)) {
            case 0 -> {
                pdf.line("Voor de aanvraag van de maatwerkvoorziening hebben wij uw burger-")
                        .line("servicenummer " + r.bsn() + " gebruikt om uw gegevens op te vragen.");
                note = "keyword hyphenated at the line end, number on the next line";
            }
            case 1 -> {
                pdf.line("U kunt bij vragen uw BSN-").line("nummer (" + Kit.group(r.bsn(), "333") + ") vermelden.");
                note = "'BSN-' / 'nummer' hyphenated";
            }
            default -> {
                String d = Kit.group(r.bsn(), "dashes");
                pdf.line("Het burgerservicenummer van de aanvrager is " + d.substring(0, 8))
                        .line(d.substring(8) + "; dit nummer staat ook op uw identiteitsbewijs.");
                note = "number written with dashes, broken after the second dash";
            }
        }
        pdf.paragraph(letters.wmoReason(r, kit.when()), 95);
        return withAttachment("pdf-hyphenated", List.of(r.bsn()), "PDFBox: " + note, "Uw aanvraag",
                "Bijgaand de brief over de aanvraag.", "brief_aanvraag.pdf", "application/pdf", pdf::render);
    }

    private Kit.Case pdfPage2() {
        Dutch.Resident r = nl.resident();
        PdfLetter pdf = letterHead(r).heading("Aanvraagformulier bijzondere bijstand");
        for (int i = 0; i < 3; i++) {
            pdf.paragraph(letters.bijstandReason(kit.when()), 95).line("");
        }
        pdf.line("Naam aanvrager: " + r.fullName()).line("Geboortedatum: " + r.born())
                .line(nl.one("Burgerservicenummer:", "BSN van de aanvrager:", "Burgerservicenummer (BSN)"))
                .pageBreak().line(kit.anyGroup(r.bsn())).line("").paragraph(letters.neutral(), 90);
        return withAttachment("pdf-page2", List.of(r.bsn()), "keyword at the foot of page 1, number at the top of page 2",
                "Aanvraagformulier", "Ingevuld formulier.", "aanvraag_bijzondere_bijstand.pdf", "application/pdf",
                pdf::render);
    }

    private Kit.Case pdfComb(boolean acroForm) {
        Dutch.Resident r = nl.resident();
        PdfLetter pdf = new PdfLetter().title("Formulier").heading("Formulier wijzigingen doorgeven")
                .line("Vul het formulier in met blokletters.").line("").line("Naam: " + r.fullName())
                .line("Adres: " + r.address() + ", " + r.city());
        if (acroForm) {
            pdf.field("Burgerservicenummer", "bsn", r.bsn(), true);
        } else {
            pdf.boxes("Burgerservicenummer", r.bsn());
        }
        pdf.line("").line("Wijziging: " + nl.one("verhuizing", "inkomsten uit werk", "samenwonen", "vakantie"));
        return withAttachment(acroForm ? "pdf-acroform-comb" : "pdf-comb-boxes", List.of(r.bsn()),
                acroForm ? "AcroForm comb field (max length 9) holds the number" : "one digit drawn in each box",
                "Wijzigingsformulier", "Het ingevulde formulier.", "wijzigingsformulier.pdf", "application/pdf",
                pdf::render);
    }

    private Kit.Case pdfFooter() {
        Dutch.Resident r = nl.resident();
        PdfLetter pdf = new PdfLetter().title("Rapportage").footer("Rapportage " + r.sortName() + "  BSN " + r.bsn())
                .heading("Rapportage re-integratie");
        for (int p = 0; p < 3; p++) {
            for (int i = 0; i < 13; i++) {
                pdf.paragraph(letters.reintegratie(), 95);
            }
            pdf.pageBreak();
        }
        return withAttachment("pdf-footer-repeat", List.of(r.bsn()), "the same BSN in the footer of each page: counts once",
                "Rapportage", "De rapportage over het afgelopen kwartaal.", "rapportage_Q2.pdf", "application/pdf",
                pdf::render);
    }

    private Kit.Case rawPdf() {
        Dutch.Resident r = nl.resident();
        String b = r.bsn();
        List<Object> lines = new ArrayList<>(List.of("WERKPLEIN NOORDWAARD            UITKERINGSSPECIFICATIE",
                "------------------------------------------------------------", "",
                "Naam          : " + Dutch.ascii(r.sortName()), "Adres         : " + Dutch.ascii(r.address())));
        if (kit.random.nextBoolean()) {
            lines.add(Map.of("tj", List.of("Bsn           : ", b.substring(0, 3), -600, b.substring(3, 6), -600, b.substring(6))));
        } else {
            lines.add("Bsn           : " + b);
        }
        lines.addAll(List.of("Periode       : 2025-05", "", "Norm gehuwden          1.816,22", "Inhouding huur          -412,50",
                "Netto uitkering        1.403,72", "", "Uitbetaald op rekening van belanghebbende."));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("title", "Specificatie");
        spec.put("font", "Courier");
        spec.put("size", 10);
        spec.put("pages", List.of(lines));
        byte[] pdf = kit.python.rawPdf(spec);
        return withAttachment("pdf-handwritten", List.of(b), "hand-written PDF (Courier, TJ kerning instead of spaces)",
                "Specificatie mei", "Bijgaand de specificatie.", "specificatie_202505.pdf", "application/pdf", () -> pdf);
    }

    private Kit.Case spreadsheet(String format, boolean droppedZero) {
        StringBuilder csv = new StringBuilder("Naam;Geboortedatum;BSN;Voorziening;Ingangsdatum\n");
        List<String> bsns = new ArrayList<>();
        int rows = 4 + kit.random.nextInt(12);
        for (int i = 0; i < rows; i++) {
            String bsn = droppedZero && i % 2 == 0 ? ElfProef.validLeadingZero(kit.random) : ElfProef.valid(kit.random);
            Dutch.Resident r = nl.resident(bsn);
            bsns.add(bsn);
            csv.append(r.sortName()).append(';').append(r.born()).append(';').append(bsn).append(';')
                    .append(letters.voorziening()).append(';').append("01-0").append(1 + kit.random.nextInt(9))
                    .append("-2025\n");
        }
        return withAttachment(droppedZero ? format + "-dropped-zero" : format, bsns,
                rows + " people; made by LibreOffice Calc from CSV" + (droppedZero ? ", leading zeros dropped as numbers" : ""),
                "Overzicht cliënten", "Het overzicht voor de afstemming.", "overzicht_clienten." + format, type(format),
                kit.office.calc(csv.toString(), format));
    }

    private Kit.Case csv() {
        boolean windows = kit.random.nextBoolean();
        String sep = nl.one(";", ";", ",", "\t");
        StringBuilder b = new StringBuilder(windows ? "" : "\uFEFF");
        b.append(String.join(sep, "clientnr", "achternaam", "voorletters", "bsn", "geb.datum", "product", "uren"))
                .append("\r\n");
        List<String> bsns = new ArrayList<>();
        int rows = 3 + kit.random.nextInt(20);
        for (int i = 0; i < rows; i++) {
            Dutch.Resident r = nl.resident();
            bsns.add(r.bsn());
            b.append(String.join(sep, String.valueOf(20000 + kit.random.nextInt(60000)), r.last(),
                    r.first().charAt(0) + ".", r.bsn(), r.born(), nl.one("HH1", "BG-IND", "DB-GR", "KV"),
                    String.valueOf(1 + kit.random.nextInt(8)))).append("\r\n");
        }
        Charset cs = windows ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
        byte[] bytes = b.toString().getBytes(cs);
        return withAttachment("csv", bsns, rows + " rows, " + (windows ? "windows-1252" : "UTF-8 with BOM")
                        + ", separator " + (sep.equals("\t") ? "tab" : sep), "Export caseload", "Export uit het zaaksysteem.",
                "export_" + nl.one("caseload", "clienten", "wmo") + ".csv", "text/csv", () -> bytes);
    }

    private Kit.Case xml(boolean jeugd) {
        int clients = kit.random.nextInt(4) == 0 ? 2 + kit.random.nextInt(3) : 1;
        List<String> bsns = new ArrayList<>();
        String prefix = jeugd ? "JW301" : "WMO301";
        String ns = jeugd ? "http://www.istandaarden.nl/ijw/3_2/jw301/schema"
                : "http://www.istandaarden.nl/iwmo/3_2/wmo301/schema";
        String basis = jeugd ? "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"
                : "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema";
        boolean prefixed = kit.random.nextBoolean();
        String p = prefixed ? prefix + ":" : "";
        String b = prefixed ? "ist:" : "";
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + p + "Bericht xmlns"
                + (prefixed ? ":" + prefix : "") + "=\"" + ns + "\"" + (prefixed ? " xmlns:ist=\"" + basis + "\"" : "") + ">\n");
        String msgId = prefix + "-" + (100000 + kit.random.nextInt(899999));
        x.append("  <").append(p).append("Header>\n    <").append(p).append("BerichtCode>").append(jeugd ? "436" : "414")
                .append("</").append(p).append("BerichtCode>\n    <").append(p).append("BerichtVersie>3</").append(p)
                .append("BerichtVersie>\n    <").append(p).append("Afzender>0").append(100 + kit.random.nextInt(899))
                .append("</").append(p).append("Afzender>\n    <").append(p).append("Ontvanger>")
                .append(10000000 + kit.random.nextInt(89999999)).append("</").append(p).append("Ontvanger>\n    <")
                .append(p).append("IdentificatieBericht>").append(msgId).append("</").append(p)
                .append("IdentificatieBericht>\n    <").append(p).append("DagtekeningBericht>2025-0")
                .append(1 + kit.random.nextInt(9)).append("-1").append(kit.random.nextInt(9)).append("</").append(p)
                .append("DagtekeningBericht>\n  </").append(p).append("Header>\n");
        for (int i = 0; i < clients; i++) {
            Dutch.Resident r = nl.resident();
            bsns.add(r.bsn());
            x.append("  <").append(p).append("Client>\n    <").append(p).append("Bsn>").append(r.bsn()).append("</")
                    .append(p).append("Bsn>\n    <").append(p).append("Geboortedatum>\n      <").append(b).append("Datum>")
                    .append(r.born().substring(6)).append('-').append(r.born(), 3, 5).append('-').append(r.born(), 0, 2)
                    .append("</").append(b).append("Datum>\n    </").append(p).append("Geboortedatum>\n    <").append(p)
                    .append("Geslacht>").append(r.female() ? 2 : 1).append("</").append(p).append("Geslacht>\n    <")
                    .append(p).append("Naam>\n      <").append(b).append("Geslachtsnaam>\n        <").append(b)
                    .append("Achternaam>").append(Fodt.esc(r.last())).append("</").append(b).append("Achternaam>\n");
            if (!r.prefix().isEmpty()) {
                x.append("        <").append(b).append("Voorvoegsel>").append(r.prefix()).append("</").append(b)
                        .append("Voorvoegsel>\n");
            }
            x.append("      </").append(b).append("Geslachtsnaam>\n      <").append(b).append("Voorletters>")
                    .append(r.first().charAt(0)).append("</").append(b).append("Voorletters>\n    </").append(p)
                    .append("Naam>\n    <").append(p).append("ToegewezenProducten>\n      <").append(p)
                    .append("ToegewezenProduct>\n        <").append(p).append("ToewijzingNummer>")
                    .append(10000000 + kit.random.nextInt(89999999)).append("</").append(p).append("ToewijzingNummer>\n        <")
                    .append(p).append("Product>\n          <").append(b).append("Categorie>").append(jeugd ? "45" : "02")
                    .append("</").append(b).append("Categorie>\n          <").append(b).append("Code>")
                    .append(jeugd ? "45A48" : "02A07").append("</").append(b).append("Code>\n        </").append(p)
                    .append("Product>\n        <").append(p).append("Omvang>\n          <").append(b).append("Volume>")
                    .append(1 + kit.random.nextInt(12)).append("</").append(b).append("Volume>\n          <").append(b)
                    .append("Eenheid>04</").append(b).append("Eenheid>\n        </").append(p).append("Omvang>\n      </")
                    .append(p).append("ToegewezenProduct>\n    </").append(p).append("ToegewezenProducten>\n  </").append(p)
                    .append("Client>\n");
        }
        x.append("</").append(p).append("Bericht>\n");
        byte[] bytes = Kit.utf8(x.toString());
        String name = prefix + "_" + msgId.substring(prefix.length() + 1) + ".xml";
        return withAttachment(jeugd ? "xml-ijw" : "xml-iwmo", bsns, clients + " client(s), number in a <Bsn> element"
                        + (prefixed ? " (prefixed)" : " (default namespace)"), "Toewijzingsbericht " + prefix,
                "Zoals gevraagd het toewijzingsbericht, de berichtenverkeer-koppeling ligt eruit.", name,
                nl.one("application/xml", "text/xml"), () -> bytes);
    }

    private Kit.Case zipNested() {
        Dutch.Resident r = nl.resident();
        byte[] pdf = letterHead(r).line("Burgerservicenummer: " + kit.anyGroup(r.bsn())).paragraph(
                letters.wmoReason(r, kit.when()), 95).render();
        byte[] inner = Kit.zip(new String[] {"besluit.pdf", "lees mij.txt"}, new byte[][] {pdf,
                Kit.utf8("Stukken dossier " + r.last() + "\r\n")});
        byte[] outer = Kit.zip(new String[] {"dossier/" + r.last() + ".zip", "dossier/inhoud.txt"},
                new byte[][] {inner, Kit.utf8("1 archief\r\n")});
        return withAttachment("zip-nested", List.of(r.bsn()), "PDF inside a ZIP inside a ZIP", "Dossierstukken",
                "In de bijlage het dossier (gezipt ivm grootte).", "dossier_" + r.last().toLowerCase() + ".zip",
                "application/zip", () -> outer);
    }

    private Kit.Case rfc822(boolean base64) {
        Dutch.Resident r = nl.resident();
        Draft.Person partner = kit.partner();
        Draft.Person me = kit.me();
        Draft inner = kit.draft(partner, me, "Melding zorgen " + r.last(), MailWriter.Client.OUTLOOK)
                .text("Beste " + me.name().split(" ")[0] + ",\n\nWij maken ons zorgen over " + r.formal() + ", BSN "
                        + kit.anyGroup(r.bsn()) + ". " + letters.helpdesk() + "\n\nGroet,\n" + partner.name());
        byte[] innerBytes = kit.writer.write(inner, MailWriter.Client.OUTLOOK);
        Draft.Person to = kit.partner();
        MailWriter.Client c = nl.one(MailWriter.Client.THUNDERBIRD, MailWriter.Client.OUTLOOK);
        Draft d = kit.draft(me, to, "Doorst: Melding zorgen " + r.last(), c).text("Ter info doorgestuurd.\n\n" + nl.closing(me));
        d.attach(new Draft.Part(base64 ? "Melding zorgen.eml" : null, "message/rfc822", innerBytes, false, null,
                "plain", base64 ? "base64" : "7bit"));
        return kit.positive(base64 ? "rfc822-base64" : "rfc822", List.of(r.bsn()), base64
                ? "attached message/rfc822 part with Content-Transfer-Encoding base64" : "attached message/rfc822 part",
                () -> kit.writer.write(d, c));
    }

    private Kit.Case bareColumn(int variant) {
        StringBuilder col = new StringBuilder();
        List<String> bsns = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String b = ElfProef.valid(kit.random);
            bsns.add(b);
            col.append(b).append(variant % 3 == 2 ? "\n" : "\r\n");
        }
        String what = switch (variant % 3) {
            case 0 -> "bsn_selectie.txt";
            case 1 -> "selectie.csv";
            default -> null;
        };
        if (what == null) {
            Draft.Person me = kit.me();
            Draft.Person to = kit.partner();
            Draft d = kit.draft(me, to, "lijst", MailWriter.Client.THUNDERBIRD).text(col.toString());
            return kit.positive("bare-column", bsns, "50 valid BSNs, one per line, the whole body", () ->
                    kit.writer.write(d, MailWriter.Client.THUNDERBIRD));
        }
        byte[] bytes = Kit.utf8(col.toString());
        return withAttachment("bare-column", bsns, "50 valid BSNs without names or header, in " + what,
                "selectie", "Hierbij de selectie voor de steekproef.", what, what.endsWith(".csv") ? "text/csv" : "text/plain",
                () -> bytes);
    }

    private Kit.Case htmlAttachment() {
        Dutch.Resident r = nl.resident();
        String html = "<html><head><meta charset=\"utf-8\"><title>Notitie</title></head><body><h2>Contactnotitie</h2>"
                + "<table border=1><tr><th>Cli&euml;nt</th><td>" + r.fullName() + "</td></tr><tr><th>BSN</th><td>"
                + kit.anyGroup(r.bsn()) + "</td></tr><tr><th>Notitie</th><td>" + letters.reintegratie()
                + "</td></tr></table></body></html>";
        byte[] bytes = Kit.utf8(html);
        return withAttachment("html-attachment", List.of(r.bsn()), "contact note exported as .html", "Contactnotitie",
                "De notitie uit het systeem.", "contactnotitie.html", "text/html", () -> bytes);
    }

    private Kit.Case textAttachment() {
        Dutch.Resident r = nl.resident();
        String text = "Cliënt: " + r.fullName() + "\r\nBSN: " + kit.anyGroup(r.bsn()) + "\r\nGeboren: " + r.born()
                + "\r\nOpmerking: " + letters.reintegratie() + "\r\n";
        byte[] bytes = text.getBytes(Charset.forName("windows-1252"));
        return withAttachment("txt-cp1252", List.of(r.bsn()), "text attachment in windows-1252, no charset given",
                "notitie", "Zie txt.", "notitie.txt", "text/plain", () -> bytes);
    }

    private Kit.Case pythonMail() {
        Dutch.Resident r = nl.resident();
        Draft.Person me = kit.me();
        Draft.Person to = kit.partner();
        int variant = kit.random.nextInt(3);
        String subject;
        String text;
        List<Map<String, Object>> atts = new ArrayList<>();
        String note;
        if (variant == 0) {
            subject = "Notificatie: taak toegewezen – cliënt " + r.last() + " (BSN " + r.bsn() + ")";
            text = "Er is een taak aan u toegewezen in het zaaksysteem.\n\nZaak: " + kit.kenmerk() + "\n";
            note = "Python email: BSN in an RFC 2047 Subject written by the email package";
        } else {
            subject = "Notificatie: document toegevoegd";
            byte[] pdf = letterHead(r).line("BSN: " + kit.anyGroup(r.bsn())).paragraph(letters.wmoReason(r, kit.when()), 95)
                    .render();
            String fn = variant == 1 ? "Besluit cliënt " + r.last() + ".pdf" : "Besluit " + r.bsn() + " – " + r.last() + ".pdf";
            atts.add(Map.of("file", kit.python.file(pdf, "pdf"), "filename", fn, "type", "application/pdf"));
            text = "Er is een document toegevoegd aan zaak " + kit.kenmerk() + ".\n";
            note = "Python email: PDF with BSN, RFC 2231 file name" + (variant == 2 ? " that also holds the BSN" : "");
        }
        var date = kit.when();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("seed", kit.random.nextInt(1_000_000));
        spec.put("from", List.of("Zaaksysteem Werkplein", "noreply@" + Kit.ORG));
        spec.put("to", List.of(List.of(to.name(), to.address())));
        spec.put("cc", List.of(List.of(me.name(), me.address())));
        spec.put("subject", subject);
        spec.put("date", Mime.date(date, false));
        spec.put("message_id", kit.messageId(Kit.ORG, "other"));
        spec.put("text", text);
        spec.put("html", null);
        spec.put("attachments", atts);
        byte[] eml = kit.python.mail(spec);
        return kit.positive("python-mail", List.of(r.bsn()), note, () -> eml);
    }
}

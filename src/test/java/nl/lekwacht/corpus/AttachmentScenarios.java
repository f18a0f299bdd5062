package nl.lekwacht.corpus;

import static nl.lekwacht.inspect.FindingCode.BSN;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.lekwacht.corpus.OfficeFiles.Format;
import nl.lekwacht.inspect.Severity;

/**
 * Scenarios whose risk is in an attachment made by a real program: every document and spreadsheet
 * format, a spreadsheet of several hundred rows, nested ZIPs, an attached forwarded message, and
 * attachments nobody can read (encrypted PDF and ZIP, a zip bomb, a truncated PDF).
 */
final class AttachmentScenarios {

    private static final String MIXED = "application/octet-stream";

    private final FakeData data;
    private final Texts texts;
    private final OfficeFiles office;

    AttachmentScenarios(FakeData data, OfficeFiles office) {
        this.data = data;
        this.texts = new Texts(data);
        this.office = office;
    }

    List<CorpusGenerator.Scenario> all() throws IOException {
        List<CorpusGenerator.Scenario> all = new ArrayList<>();
        for (Format f : List.of(Format.PDF, Format.DOCX, Format.DOC, Format.ODT, Format.RTF)) {
            all.add(decision(f));
        }
        for (Format f : List.of(Format.XLSX, Format.XLS, Format.ODS)) {
            all.add(sheet("att-" + f.extension + "-bsn-column", f, data.between(8, 25), 0));
        }
        all.add(sheet("att-xlsx-several-hundred-rows", Format.XLSX, data.between(300, 600), data.between(3, 9)));
        all.add(sheet("att-pdf-table", Format.SHEET_PDF, data.between(30, 70), 0));
        all.add(csv());
        all.add(textList());
        all.add(nestedZip());
        all.add(forwardedAttachment());
        all.add(specialDocx());
        all.add(orderSheet());
        all.add(encryptedPdf());
        all.add(encryptedZip());
        all.add(zipBomb());
        all.add(truncatedPdf());
        return all;
    }

    private CorpusGenerator.Scenario decision(Format format) throws IOException {
        String bsn = data.bsn();
        String written = switch (format) {
            case DOCX -> BodyScenarios.grouped(bsn, '.');
            case ODT -> bsn.substring(0, 4) + "." + bsn.substring(4, 6) + "." + bsn.substring(6);
            case RTF -> BodyScenarios.grouped(bsn, ' ');
            case DOC -> BodyScenarios.grouped(bsn, '-');
            default -> bsn;
        };
        String file = "beschikking." + format.extension;
        String name = "att-" + format.extension + "-decision";
        byte[] bytes = office.convert(texts.decisionHtml(data.name(), written), format);
        Expectation e = new Expectation(name).describe("a decision letter (" + format.extension + ") with a BSN")
                .count(BSN, "attachment:" + file, 1).evidence(BSN, FakeData.masked(bsn));
        return scenario(e, new EmlWriter("Beschikking").plain(body()).attach(file, MIXED, bytes));
    }

    private CorpusGenerator.Scenario sheet(String name, Format format, int rows, int duplicates) throws IOException {
        Set<String> distinct = new LinkedHashSet<>();
        List<String> lines = new ArrayList<>();
        boolean customerColumn = format != Format.SHEET_PDF;
        lines.add(customerColumn ? "Naam;Geboortedatum;Klantnummer;BSN;Bedrag" : "Naam;Geboortedatum;BSN;Bedrag");
        for (int i = 0; i < rows; i++) {
            String bsn = i < duplicates ? null : data.bsn();
            if (bsn == null) {
                continue;
            }
            distinct.add(bsn);
            lines.add(row(customerColumn, bsn));
        }
        List<String> pool = new ArrayList<>(distinct);
        for (int i = 0; i < duplicates; i++) {
            String again = pool.get(data.random().nextInt(pool.size()));
            lines.add(row(customerColumn, again));
        }
        String file = (format == Format.SHEET_PDF ? "overzicht-tabel." : "overzicht.") + format.extension;
        byte[] bytes = office.convert(String.join("\n", lines) + "\n", format);
        Expectation e = new Expectation(name)
                .describe(format.extension + " with a BSN column: " + (lines.size() - 1) + " rows, "
                        + distinct.size() + " distinct BSNs" + (customerColumn ? ", beside a column of random customer numbers" : ""))
                .count(BSN, "attachment:" + file, distinct.size()).evidence(BSN, FakeData.masked(pool.get(0)));
        return scenario(e, new EmlWriter("Overzicht").plain(body()).attach(file, MIXED, bytes));
    }

    private String row(boolean customerColumn, String bsn) {
        return data.name() + ";" + data.birthDate() + ";" + (customerColumn ? data.randomNine() + ";" : "") + bsn
                + ";" + data.between(100, 2000);
    }

    private CorpusGenerator.Scenario csv() {
        int rows = data.between(4, 15);
        StringBuilder csv = new StringBuilder("naam;burgerservicenummer;woonplaats\n");
        String first = null;
        for (int i = 0; i < rows; i++) {
            String bsn = data.bsn();
            first = first == null ? bsn : first;
            csv.append(data.name()).append(';').append(bsn).append(";Voorbeeldstad\n");
        }
        Expectation e = new Expectation("att-csv-bsn-column").describe("a CSV file with a BSN column")
                .count(BSN, "attachment:deelnemers.csv", rows).severity(BSN, "attachment:deelnemers.csv", Severity.HIGH)
                .evidence(BSN, FakeData.masked(first));
        return scenario(e, new EmlWriter("Deelnemers").plain(body())
                .attach("deelnemers.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private CorpusGenerator.Scenario textList() {
        String bsn = data.bsn();
        String text = "Notities huisbezoek\n" + texts.filler(3) + "\nBSN bewoner: " + bsn + "\n" + texts.filler(2);
        Expectation e = new Expectation("att-txt-note").describe("a text file with one BSN next to its keyword")
                .count(BSN, "attachment:notities.txt", 1).evidence(BSN, FakeData.masked(bsn));
        return scenario(e, new EmlWriter("Notities").plain(body())
                .attach("notities.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8)));
    }

    private CorpusGenerator.Scenario nestedZip() throws IOException {
        String bsn = data.bsn();
        byte[] docx = office.convert(texts.decisionHtml(data.name(), bsn), Format.DOCX);
        byte[] inner = OfficeFiles.zip(Map.of("besluit.docx", docx));
        byte[] outer = OfficeFiles.zip(orderedMap("stukken.zip", inner, "leesmij.txt",
                "Zie de stukken.".getBytes(StandardCharsets.UTF_8)));
        Expectation e = new Expectation("att-nested-zip").describe("a DOCX with a BSN inside a ZIP inside a ZIP")
                .count(BSN, "attachment:dossier.zip", 1).evidence(BSN, FakeData.masked(bsn));
        return scenario(e, new EmlWriter("Dossier").plain(body()).attach("dossier.zip", "application/zip", outer));
    }

    private CorpusGenerator.Scenario forwardedAttachment() throws IOException {
        String bsn = data.bsn();
        byte[] inner = new EmlWriter("Mijn aanvraag").plain("Goedemorgen,\n\nMijn BSN is " + bsn + ".\n"
                + texts.filler(2)).bytes("inner-" + bsn.hashCode(), CorpusGenerator.DATE);
        Expectation e = new Expectation("att-forwarded-message")
                .describe("a message forwarded as attachment (message/rfc822) with a BSN")
                .count(BSN, "attachment:doorgestuurd.eml", 1).evidence(BSN, FakeData.masked(bsn));
        return scenario(e, new EmlWriter("Fwd: Mijn aanvraag").plain("Zie onderstaand bericht.\n")
                .attach("doorgestuurd.eml", "message/rfc822", inner));
    }

    private CorpusGenerator.Scenario specialDocx() throws IOException {
        byte[] docx = office.convert(texts.medicalAdviceHtml(data.name()), Format.DOCX);
        Expectation e = new Expectation("att-docx-medical-advice").describe("a medical advice as DOCX")
                .category("health");
        return scenario(e, new EmlWriter("Advies").plain(body()).attach("advies.docx", MIXED, docx));
    }

    private CorpusGenerator.Scenario orderSheet() throws IOException {
        StringBuilder csv = new StringBuilder("Ordernummer;Klantnummer;KvK-nummer;Telefoon;Artikel\n");
        int rows = data.between(20, 60);
        for (int i = 0; i < rows; i++) {
            csv.append(data.bsn()).append(';').append(data.bsn()).append(';').append(data.validEight())
                    .append(";06-").append(data.validEight()).append(';').append(data.randomNine()).append('\n');
        }
        byte[] xlsx = office.convert(csv.toString(), Format.XLSX);
        Expectation e = new Expectation("neg-att-xlsx-orders")
                .describe("a spreadsheet of order, customer, KvK and phone numbers that all pass the 11-proef");
        return scenario(e, new EmlWriter("Bestellingen").plain("Hierbij de bestellingen, zonder BSN's.\n"
                + texts.signature()).attach("bestellingen.xlsx", MIXED, xlsx));
    }

    private CorpusGenerator.Scenario encryptedPdf() throws IOException {
        byte[] pdf = office.encryptPdf(office.convert(texts.decisionHtml(data.name(), data.bsn()), Format.PDF));
        Expectation e = new Expectation("att-encrypted-pdf").describe("a password-protected PDF (AES-256)")
                .uninspectable("attachment:beveiligd.pdf", "ENCRYPTED");
        return scenario(e, new EmlWriter("Beveiligd").plain(body()).attach("beveiligd.pdf", "application/pdf", pdf));
    }

    private CorpusGenerator.Scenario encryptedZip() throws IOException {
        byte[] docx = office.convert(texts.decisionHtml(data.name(), data.bsn()), Format.DOCX);
        byte[] zip = office.encryptedZip(Map.of("besluit.docx", docx));
        Expectation e = new Expectation("att-encrypted-zip").describe("a password ZIP holding a DOCX")
                .uninspectable("attachment:beveiligd.zip", "ENCRYPTED");
        return scenario(e, new EmlWriter("Beveiligd").plain(body()).attach("beveiligd.zip", "application/zip", zip));
    }

    private CorpusGenerator.Scenario zipBomb() throws IOException {
        Expectation e = new Expectation("att-zip-bomb").describe("a ZIP that inflates about 1000 times")
                .uninspectable("attachment:archief.zip", "TOO_LARGE");
        return scenario(e, new EmlWriter("Archief").plain(body())
                .attach("archief.zip", "application/zip", OfficeFiles.zipBomb(50)));
    }

    private CorpusGenerator.Scenario truncatedPdf() throws IOException {
        byte[] pdf = office.convert(texts.neutralHtml(), Format.PDF);
        byte[] cut = java.util.Arrays.copyOf(pdf, pdf.length * 2 / 5);
        Expectation e = new Expectation("att-truncated-pdf").describe("a PDF cut off after 40% of its bytes")
                .uninspectable("attachment:verslag.pdf", "CORRUPT");
        return scenario(e, new EmlWriter("Verslag").plain(body()).attach("verslag.pdf", "application/pdf", cut));
    }

    private String body() {
        return texts.greeting() + "Zie de bijlage. " + texts.filler(2) + texts.signature();
    }

    private static CorpusGenerator.Scenario scenario(Expectation e, EmlWriter writer) {
        return new CorpusGenerator.Scenario(e.name, writer, e);
    }

    private static Map<String, byte[]> orderedMap(String k1, byte[] v1, String k2, byte[] v2) {
        Map<String, byte[]> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}

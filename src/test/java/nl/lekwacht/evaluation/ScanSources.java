package nl.lekwacht.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The documents that {@link ScanMaker} turns into scans at test time: letters and forms with a BSN
 * and ones without. Only these text PDFs are committed; the images are made when a test runs.
 */
final class ScanSources {

    /** One source document; {@code bsns} empty for a negative. {@code pages} is 1 or 2. */
    record Source(String name, List<String> bsns, String what, int pages, Supplier<byte[]> pdf) {
    }

    private final Kit kit;
    private final Dutch nl;
    private final Letters letters;

    ScanSources(Kit kit) {
        this.kit = kit;
        this.nl = kit.nl;
        this.letters = new Letters(kit);
    }

    List<Source> make() {
        List<Source> out = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            out.add(i < 3 ? loDecision(i) : letterWithBsn(i));
        }
        for (int i = 0; i < 8; i++) {
            out.add(letterWithout(i));
        }
        return out;
    }

    private Source loDecision(int i) {
        Dutch.Resident r = nl.resident();
        Fodt doc = new Fodt().header("Werkplein Noordwaard").footer("Pagina 1 van 2").valueColumn("8cm")
                .heading("Beschikking Wmo").p(r.formal()).p(r.address()).p(r.postcode() + "  " + r.city()).p("")
                .table(new String[][] {{"Datum", kit.dateNl(kit.when())}, {"Burgerservicenummer", kit.anyGroup(r.bsn())}})
                .p("").p(letters.wmoReason(r, kit.when())).pageBreak().p("Bezwaar").p("Bent u het niet eens met dit "
                        + "besluit? Dan kunt u binnen zes weken bezwaar maken.");
        return new Source("s" + i, List.of(r.bsn()), "LibreOffice beschikking, BSN in a table on page 1", 2,
                kit.office.writer(doc, "pdf"));
    }

    private Source letterWithBsn(int i) {
        Dutch.Resident r = nl.resident();
        boolean twoPages = i % 3 == 0;
        PdfLetter pdf = new PdfLetter().title("Brief").heading("Werkplein Noordwaard").line(kit.team()).line("")
                .line(r.formal()).line(r.address()).line(r.postcode() + " " + r.city()).line("")
                .line("Datum: " + kit.dateNl(kit.when())).line("Ons kenmerk: " + kit.kenmerk());
        if (!twoPages) {
            pdf.line("Uw BSN: " + kit.anyGroup(r.bsn()));
        }
        pdf.line("").line(nl.greeting(r)).paragraph(letters.bijstandReason(kit.when()), 85).line("")
                .paragraph(letters.wmoReason(r, kit.when()), 85);
        if (twoPages) {
            pdf.pageBreak().heading("Gegevens aanvrager").line("Naam: " + r.fullName()).line("Geboortedatum: " + r.born())
                    .line("Burgerservicenummer: " + kit.anyGroup(r.bsn()));
        }
        return new Source("s" + i, List.of(r.bsn()), twoPages ? "PDFBox letter, BSN on page 2" : "PDFBox letter, BSN in the "
                + "letter head", twoPages ? 2 : 1, pdf::render);
    }

    private Source letterWithout(int i) {
        boolean twoPages = i % 3 == 0;
        Dutch.Resident r = nl.resident();
        String kenmerk = ElfProef.valid(kit.random);
        PdfLetter pdf = new PdfLetter().title("Brief").heading("Werkplein Noordwaard").line(kit.team()).line("")
                .line(r.formal()).line(r.address()).line(r.postcode() + " " + r.city()).line("")
                .line("Datum: " + kit.dateNl(kit.when())).line("Betalingskenmerk: " + kenmerk)
                .line("Telefoon: 0180 " + (100000 + kit.random.nextInt(899999))).line("").line(nl.greeting(r))
                .paragraph(letters.bijstandReason(kit.when()), 85);
        if (twoPages) {
            pdf.pageBreak().heading("Toelichting").paragraph(letters.reintegratie(), 85);
        }
        return new Source("s" + (12 + i), List.of(), "PDFBox letter without BSN (a nine-digit payment reference valid by "
                + "the 11-proef)", twoPages ? 2 : 1, pdf::render);
    }
}

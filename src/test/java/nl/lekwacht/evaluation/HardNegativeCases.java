package nl.lekwacht.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Hard negatives: numbers that look like a BSN (most of them pass the 11-proef) but are payment
 * references, amounts, conference IDs, phone numbers, registration numbers, labelled case numbers,
 * URLs, tracking codes, bank exports, timetables. Many of these mails mention "BSN" elsewhere.
 */
final class HardNegativeCases {

    private final Kit kit;
    private final Dutch nl;
    private final Letters letters;

    HardNegativeCases(Kit kit) {
        this.kit = kit;
        this.nl = kit.nl;
        this.letters = new Letters(kit);
    }

    void addTo(List<Kit.Case> out) {
        for (int i = 0; i < 30; i++) {
            out.add(kenmerkCsv(i));
            out.add(dottedAmounts(i));
            out.add(teams(i));
        }
        for (int i = 0; i < 40; i++) {
            out.add(labelled(i));
        }
        for (int i = 0; i < 25; i++) {
            out.add(phone(i));
            out.add(invoice(i));
        }
        for (int i = 0; i < 20; i++) {
            out.add(euro(i));
            out.add(registration(i));
            out.add(url(i));
        }
        for (int i = 0; i < 15; i++) {
            out.add(iban(i));
            out.add(order(i));
            out.add(datesAndPostcodes(i));
            out.add(tracking(i));
            out.add(bankExport(i));
            out.add(tickets(i));
            out.add(utilityCodes(i));
        }
        for (int i = 0; i < 12; i++) {
            out.add(zoom(i));
        }
        for (int i = 0; i < 10; i++) {
            out.add(kenmerkSheet(i));
            out.add(timetable(i));
            out.add(productCodes(i));
            out.add(serials(i));
            out.add(statistics(i));
        }
        for (int i = 0; i < 8; i++) {
            out.add(cjib(i));
        }
    }

    /** A sentence that names the BSN without giving one, so that a keyword alone decides nothing. */
    private String bsnMention() {
        return nl.one("\n\nLet op: stuur geen BSN mee in de mail, gebruik daarvoor het beveiligde portaal.",
                "\n\nDe BSN-controle bij de aanvraag gaat per 1 juli via de nieuwe koppeling.",
                "\n\nVermeld nooit uw burgerservicenummer (BSN) in een e-mail.",
                "\n\nAgendapunt 3: werkinstructie BSN-gebruik bij ketenpartners.",
                "\n\nHet BSN van de cliënt staat in het dossier, niet in deze mail.",
                "\n\nNB: een bsn hoort niet in de chat van de vergadering.");
    }

    private String maybeMention(int i) {
        return i % 5 < 2 ? bsnMention() : "";
    }

    private Kit.Case body(String category, String notes, String subject, String text, MailWriter.Client c) {
        Draft.Person me = kit.me();
        Draft.Person to = kit.partner();
        Draft d = kit.draft(me, to, subject, c).text(text + "\n\n" + nl.closing(me));
        return kit.hardNegative(category, notes, () -> kit.writer.write(d, c));
    }

    private Kit.Case attached(String category, String notes, String subject, String text, String filename,
                              String type, Supplier<byte[]> bytes) {
        Draft.Person me = kit.me();
        Draft.Person to = kit.partner();
        MailWriter.Client c = kit.client();
        Draft d = kit.draft(me, to, subject, c).text(text + "\n\n" + nl.closing(me));
        return kit.hardNegative(category, notes, () -> {
            d.attach(Draft.Part.attachment(filename, type, bytes.get()));
            return kit.writer.write(d, c);
        });
    }

    private String valid() {
        return ElfProef.valid(kit.random);
    }

    private String amount() {
        return kit.nl.euro(100 + kit.random.nextInt(250_000));
    }

    private Kit.Case kenmerkCsv(int i) {
        boolean names = i % 3 == 0;
        boolean comma = !names && i % 3 == 2;
        StringBuilder b = new StringBuilder(names ? "Debiteur;Naam;Betalingskenmerk;Bedrag;Vervaldatum\r\n"
                : comma ? "Betaalkenmerk,Bedrag,Status\r\n"
                : nl.one("Betalingskenmerk;Bedrag;Omschrijving\r\n", "kenmerk;bedrag;datum;omschrijving\r\n"));
        int rows = 8 + kit.random.nextInt(30);
        for (int r = 0; r < rows; r++) {
            String k = kit.random.nextInt(4) == 0 ? "5" + (100000000000000L + (long) (kit.random.nextDouble() * 8e14)) : valid();
            if (names) {
                Dutch.Resident res = nl.resident();
                b.append(40000 + kit.random.nextInt(50000)).append(';').append(res.sortName()).append(';').append(k)
                        .append(';').append(amount()).append(";15-0").append(1 + kit.random.nextInt(9)).append("-2025\r\n");
            } else if (comma) {
                b.append(k).append(",\"").append(amount()).append("\",").append(nl.one("open", "betaald", "herinnering"))
                        .append("\r\n");
            } else {
                b.append(k).append(';').append(amount()).append(';').append(nl.one("leges", "terugvordering",
                        "parkeervergunning", "huur standplaats", "precario")).append("\r\n");
            }
        }
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        return attached("kenmerk-csv", rows + " payment references, most of them nine digits valid by the 11-proef"
                        + (names ? ", with debtor names" : ""), "Openstaande posten", "Hierbij de lijst met openstaande "
                        + "posten voor de invordering." + maybeMention(i), "openstaande_posten.csv", "text/csv", () -> bytes);
    }

    private Kit.Case kenmerkSheet(int i) {
        StringBuilder b = new StringBuilder("Factuurdatum;Betalingskenmerk;Omschrijving;Bedrag\n");
        for (int r = 0; r < 12; r++) {
            b.append("0").append(1 + kit.random.nextInt(9)).append("-0").append(1 + kit.random.nextInt(9)).append("-2025;")
                    .append(valid()).append(';').append(nl.one("Leges paspoort", "Afvalstoffenheffing", "Huur", "Leges"))
                    .append(';').append(kit.random.nextInt(900) + 10).append(",").append(10 + kit.random.nextInt(89)).append('\n');
        }
        String format = i % 2 == 0 ? "xlsx" : "ods";
        return attached("kenmerk-" + format, "spreadsheet with a Betalingskenmerk column of nine-digit valid numbers",
                "Kenmerken " + format, "Zie bijgaand overzicht." + maybeMention(i), "kenmerken." + format,
                format.equals("xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        : "application/vnd.oasis.opendocument.spreadsheet", kit.office.calc(b.toString(), format));
    }

    private Kit.Case dottedAmounts(int i) {
        String intro = nl.one("Hierbij de cijfers voor de kadernota (bedragen x € 1):",
                "Begroting sociaal domein 2026, lasten per taakveld (in euro's):",
                "De meerjarenraming (bedragen in euro):");
        String[] rows = {"Inkomensregelingen", "Begeleide participatie", "Maatwerkvoorzieningen (Wmo)",
                "Maatwerkdienstverlening 18-", "Geëscaleerde zorg 18+", "Arbeidsparticipatie", "Totaal lasten"};
        java.util.List<String[]> grid = new java.util.ArrayList<>();
        StringBuilder t = new StringBuilder(intro).append("\n\n");
        for (String row : rows) {
            String v = Kit.group(kit.random.nextInt(3) > 0 ? valid() : ElfProef.invalid(kit.random), "dots");
            grid.add(new String[] {row, v});
            t.append(String.format("%-32s %s%n", row, v));
        }
        if (i % 3 != 1) {
            return body("amounts-dotted", "nine-digit amounts written 123.456.782 (dots as thousand separators)",
                    "Cijfers kadernota", t + maybeMention(i), MailWriter.Client.OUTLOOK);
        }
        Fodt doc = new Fodt().heading("Begroting 2026 - Programma Sociaal Domein").p(intro)
                .grid(new String[] {"Taakveld", "Begroting 2026"}, grid);
        return attached("amounts-dotted", "begroting table of amounts written with dots, LibreOffice PDF",
                "Begroting 2026", "De tabel uit de begroting." + maybeMention(i), "begroting_2026.pdf",
                "application/pdf", kit.office.writer(doc, "pdf"));
    }

    private Kit.Case euro(int i) {
        String a = kit.nl.euro(100_000_000L + (long) (kit.random.nextDouble() * 90_000_000_000L));
        String b = Kit.group(valid(), "dots");
        String text = nl.one("Het totale budget voor de Wmo komt uit op EUR " + a + ". ",
                "De rijksbijdrage bedraagt € " + a + " (was € " + b + ",-). ",
                "Uitgaven bijstand t/m mei: EUR " + b + ",00; prognose einde jaar € " + a + ". ")
                + "Dit is inclusief de loon- en prijsbijstelling." + maybeMention(i);
        return body("eur-amount", "euro amounts, some with nine digits in 3-3-3 dot grouping", "Budget", text,
                kit.client());
    }

    private Kit.Case teams(int i) {
        String conf = i % 4 == 3 ? ElfProef.invalid(kit.random) : valid();
        String agenda = "Agenda:\n1. Opening\n2. Casuïstiek (geanonimiseerd)\n3. Werkinstructie BSN-controle\n4. Rondvraag";
        String text = "Hallo allemaal,\n\nHierbij de uitnodiging voor het " + nl.one("casuïstiekoverleg",
                "werkoverleg", "MDO", "ketenoverleg") + ". " + nl.one("Zet geen BSN in de chat.",
                "Bespreek cliënten zonder BSN of naam.", "") + "\n\n" + agenda + "\n\n" + Meetings.teams(kit, conf);
        return body("teams-id", "Teams telephone conference ID of nine digits" + (i % 4 == 3 ? "" : " (valid by the 11-proef)")
                + "; the mail mentions BSN elsewhere", "Uitnodiging: " + nl.one("Casuïstiekoverleg", "Werkoverleg Wmo",
                "MDO jeugd", "Ketenoverleg schulden"), text, MailWriter.Client.OUTLOOK);
    }

    private Kit.Case zoom(int i) {
        String id = i % 3 == 0 ? valid() : String.valueOf(81_000_000_000L + (long) (kit.random.nextDouble() * 9e9));
        String block = i % 4 == 3 ? Meetings.webex(kit, String.valueOf(2_700_000_000L + kit.random.nextInt(99_999_999)))
                : Meetings.zoom(kit, id);
        return body(i % 4 == 3 ? "webex-id" : "zoom-id", "meeting and dial-in IDs" + maybeMention(i).replace("\n", " "),
                "Uitnodiging webinar " + nl.one("armoedebeleid", "Wmo-toezicht", "nieuwe Participatiewet"),
                "Beste collega's,\n\nVan harte welkom bij het webinar.\n\n" + block + maybeMention(i), kit.client());
    }

    private Kit.Case phone(int i) {
        String nine = "6" + valid().substring(1);
        String p = switch (i % 5) {
            case 0 -> "+31 " + nine.charAt(0) + " " + nine.substring(1);
            case 1 -> "+31" + nine;
            case 2 -> "06-" + nine.substring(1);
            case 3 -> "0" + nine.substring(0, 3) + " " + nine.substring(3, 6) + " " + nine.substring(6);
            default -> "(0180) " + (100000 + kit.random.nextInt(899999)) + " of +31 (0)" + nine.substring(0, 1) + " "
                    + nine.substring(1, 5) + " " + nine.substring(5);
        };
        Dutch.Resident r = nl.resident();
        String text = nl.one("Je kunt " + r.formal() + " het beste bellen op " + p + " (na 10 uur).",
                "Mijn nieuwe mobiele nummer is " + p + ", wil je dat aanpassen in het systeem?",
                "Bereikbaarheid dienst: " + p + ". Bij geen gehoor de centrale bellen.",
                "Tel: " + p + "\nFax: 0180-" + (100000 + kit.random.nextInt(899999))) + maybeMention(i);
        return body("phone", "phone number " + p.replaceAll("[0-9]", "d"), "Telefoonnummer", text, kit.client());
    }

    private Kit.Case registration(int i) {
        String v = valid();
        String kvk = ElfProef.validLeadingZero(kit.random).substring(1);
        String text = switch (i % 4) {
            case 0 -> "Gegevens zorgaanbieder:\nKvK-nummer: " + kvk + "\nVestigingsnummer: 0000" + v.substring(1)
                    + "\nAGB-code: " + (98_000_000 + kit.random.nextInt(999_999));
            case 1 -> "Stichting De Linde\nRSIN " + v + "\nKvK " + kvk;
            case 2 -> "Btw-identificatienummer: NL" + v + "B01\nKvK: " + kvk;
            default -> "Inschrijving KvK " + kvk + " (0" + kvk + " in het oude systeem), fiscaal nummer " + v;
        };
        return body("kvk-rsin-btw", "KvK (eight digits, valid by the 11-proef with a leading zero), RSIN, btw and fiscal numbers of an organisation",
                "Gegevens zorgaanbieder", text + maybeMention(i), kit.client());
    }

    private String validIban() {
        String[] banks = {"ABNA", "INGB", "RABO", "SNSB", "ASNB", "TRIO", "BUNQ", "KNAB"};
        String bank = nl.pick(List.of(banks));
        String account = "0" + valid();
        for (int check = 2; check < 99; check++) {
            String s = bank + account + "NL" + String.format("%02d", check);
            StringBuilder digits = new StringBuilder();
            for (char ch : s.toCharArray()) {
                digits.append(Character.isLetter(ch) ? String.valueOf(ch - 'A' + 10) : String.valueOf(ch));
            }
            if (new java.math.BigInteger(digits.toString()).mod(java.math.BigInteger.valueOf(97)).intValue() == 1) {
                return "NL" + String.format("%02d", check) + bank + account;
            }
        }
        throw new IllegalStateException();
    }

    private Kit.Case iban(int i) {
        String iban = validIban();
        String shown = i % 2 == 0 ? iban : iban.replaceAll("(.{4})", "$1 ").trim();
        String text = nl.one("Het bedrag kan worden overgemaakt naar " + shown + " t.n.v. Stichting Voedselbank Noordwaard.",
                "Ons rekeningnummer is gewijzigd: " + shown + " (Werkplein Noordwaard).",
                "Betaling graag op IBAN " + shown + " onder vermelding van het factuurnummer.");
        return body("iban-org", "an organisation's IBAN whose account number holds nine digits valid by the 11-proef",
                "Rekeningnummer", text + maybeMention(i), kit.client());
    }

    private Kit.Case labelled(int i) {
        String v = i % 5 == 4 ? ElfProef.invalid(kit.random) : valid();
        String label = nl.one("Polisnummer", "Dossiernummer", "Zaaknummer", "Relatienummer", "Klantnummer",
                "Contractnummer", "Ons kenmerk", "Uw kenmerk", "Aanvraagnummer", "Vergunningnummer",
                "Beschikkingnummer", "Debiteurnummer", "Referentie", "Registratienummer");
        String shown = i % 3 == 0 ? kit.anyGroup(v) : v;
        String text = nl.one("Graag bij correspondentie altijd vermelden: " + label + " " + shown + ".",
                label + ": " + shown + "\n\n" + letters.neutral(),
                "In de bijlage de stukken over " + label.toLowerCase(Locale.ROOT) + " " + shown + ". " + letters.neutral());
        return body("labelled-number", label + " with a nine-digit number", label + " " + shown,
                text + maybeMention(i), kit.client());
    }

    private Kit.Case invoice(int i) {
        String nr = valid();
        String deb = valid();
        if (i % 2 == 0) {
            PdfLetter pdf = new PdfLetter().title("Factuur").heading("Kantoorhuis Rivierland B.V.")
                    .line("Industrieweg 14, 2981 AB " + nl.pick(Dutch.CITY)).line("KvK " + valid().substring(1)
                            + "   Btw NL" + valid() + "B01").line("").line("Werkplein Noordwaard")
                    .line("t.a.v. crediteurenadministratie").line("").line("Factuurnummer: " + nr)
                    .line("Debiteurnummer: " + deb).line("Factuurdatum: " + kit.dateNl(kit.when())).line("")
                    .line("Omschrijving                         Aantal      Bedrag")
                    .line("Kopieerpapier A4 80 grams                 40      € 189,60")
                    .line("Bureaustoel ergonomisch                    2      € 698,00")
                    .line("").line("Totaal incl. btw                                € 1.074,00")
                    .line("").line("Betaling binnen 30 dagen op " + validIban() + " o.v.v. " + nr);
            return attached("invoice-pdf", "supplier invoice: factuurnummer and debiteurnummer valid by the 11-proef",
                    "Factuur " + nr, "Ter goedkeuring doorgestuurd." + maybeMention(i), "Factuur_" + nr + ".pdf",
                    "application/pdf", pdf::render);
        }
        return body("invoice", "factuurnummer in body", "Factuur " + nr, "Factuur " + nr + " (debiteur " + deb
                + ") staat nog open, kun je die laten betalen? Bedrag € " + amount() + maybeMention(i), kit.client());
    }

    private Kit.Case order(int i) {
        String v = valid();
        String shown = i % 3 == 0 ? Kit.group(v, "dashes") : v;
        return body("order-number", "order number", "Bestelling " + shown, nl.one(
                "Je bestelling met ordernummer " + shown + " is verzonden.", "Bestelnummer: " + shown
                        + "\nLevering: dinsdag tussen 08:00 en 12:00", "Ordernr. " + shown + " - 24 dozen koffiebekers")
                + maybeMention(i), kit.client());
    }

    private Kit.Case datesAndPostcodes(int i) {
        StringBuilder t = new StringBuilder("Afspraken huisbezoeken:\n\n");
        for (int k = 0; k < 6; k++) {
            var w = kit.when();
            t.append(String.format("%02d-%02d-%d %02d:%02d  %s  %s%n", w.getDayOfMonth(), w.getMonthValue(), w.getYear(),
                    w.getHour(), w.getMinute(), nl.postcode(), nl.one("huisbezoek", "intake", "evaluatie")));
        }
        t.append("\nExport aangemaakt op ").append(String.format("%d%02d%02d%02d%02d%02d", 2025, 1 + kit.random.nextInt(12),
                1 + kit.random.nextInt(28), kit.random.nextInt(24), kit.random.nextInt(60), kit.random.nextInt(60)));
        return body("dates-postcodes", "dates, times, postcodes and a compact timestamp", "Planning huisbezoeken",
                t + maybeMention(i), kit.client());
    }

    private Kit.Case url(int i) {
        String v = valid();
        String u = nl.one("https://zaken.werkplein-noordwaard.example/zaak/" + v + "/documenten",
                "https://forms.noordwaard.example/submit?id=" + v + "&ts=17" + (10000000 + kit.random.nextInt(89999999)),
                "https://r.nieuwsbrief.example/track/click/" + v + "/" + (100000 + kit.random.nextInt(899999)),
                "https://www.example.org/nieuws/" + v + "-nieuwe-regels-bijzondere-bijstand");
        return body("url-digits", "a URL with a nine-digit run valid by the 11-proef", "Link", "Zie " + u
                + "\n\nOf via <" + u + ">" + maybeMention(i), kit.client());
    }

    private Kit.Case tracking(int i) {
        String v = valid();
        String code = nl.one("3SNWP" + v, "JVGL06" + v + "0", "1Z" + v + "A8", "CD" + v + "NL");
        return body("tracking", "parcel tracking code with nine digits inside", "Je pakket is onderweg",
                "Track & Trace: " + code + "\nhttps://jouw.postnl.example/track-and-trace/" + code + "-NL-" + nl.postcode()
                        .replace(" ", "") + maybeMention(i), kit.client());
    }

    private Kit.Case bankExport(int i) {
        StringBuilder b = new StringBuilder("\"Datum\";\"Naam / Omschrijving\";\"Rekening\";\"Tegenrekening\";\"Code\";"
                + "\"Af Bij\";\"Bedrag (EUR)\";\"Mutatiesoort\";\"Mededelingen\"\r\n");
        for (int r = 0; r < 10 + kit.random.nextInt(20); r++) {
            b.append("\"2025").append(String.format("%02d%02d", 1 + kit.random.nextInt(12), 1 + kit.random.nextInt(28)))
                    .append("\";\"").append(nl.one("Belastingdienst", "Waterschap", "Energie BV", "Zorgverzekeraar"))
                    .append("\";\"").append(validIban()).append("\";\"").append(validIban()).append("\";\"IC\";\"Af\";\"")
                    .append(amount()).append("\";\"Incasso\";\"Kenmerk: ").append(valid()).append(" Machtiging ID: ")
                    .append(valid()).append(" Omschrijving: termijn\"\r\n");
        }
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        return attached("bank-export", "bank statement export: transaction kenmerken and mandate IDs valid by the 11-proef",
                "Afschriften", "De afschriften voor de budgetbeheer-administratie." + maybeMention(i),
                "afschriften.csv", "text/csv", () -> bytes);
    }

    private Kit.Case timetable(int i) {
        StringBuilder t = new StringBuilder("Dienstregeling lijn " + (100 + kit.random.nextInt(300)) + " (ritnummers):\n\n");
        for (int k = 0; k < 8; k++) {
            t.append(String.format("%02d:%02d  %02d:%02d  %02d:%02d   rit %s%n", 6 + k, 12, 6 + k, 27, 6 + k, 42, valid()));
        }
        return body("timetable", "timetable with nine-digit trip numbers", "Vervoer dagbesteding", t + maybeMention(i),
                kit.client());
    }

    private Kit.Case productCodes(int i) {
        String text = "Artikelnr. " + valid() + "\nEAN 87" + (10000000000L + (long) (kit.random.nextDouble() * 8e10))
                + "\nISBN 978-90-" + (10000 + kit.random.nextInt(89999)) + "-" + (10 + kit.random.nextInt(89)) + "-"
                + kit.random.nextInt(10) + "\nAantal: " + (1 + kit.random.nextInt(20));
        return body("product-codes", "article number, EAN, ISBN", "Bestelling boeken", text + maybeMention(i), kit.client());
    }

    private Kit.Case tickets(int i) {
        String v = valid();
        String text = nl.one("Uw melding INC" + (1000000 + kit.random.nextInt(8999999)) + " is opgelost.",
                "Ticketnummer #" + v + ": wachtwoord gereset.", "Wijziging CHG" + v + " staat gepland voor zaterdag.")
                + "\nReferentie: " + v + maybeMention(i);
        return body("ticket-id", "service desk ticket numbers", "Melding " + v, text, MailWriter.Client.CASE_SYSTEM);
    }

    private Kit.Case serials(int i) {
        String text = "Uitgifte laptop\nSerienummer: 5CG" + valid() + "\nAssetnummer: " + valid() + "\nIMEI telefoon: 35"
                + (1000000000000L + (long) (kit.random.nextDouble() * 8e12)) + maybeMention(i);
        return body("serial-numbers", "serial, asset and IMEI numbers", "Uitgifte laptop", text, kit.client());
    }

    private Kit.Case statistics(int i) {
        StringBuilder t = new StringBuilder("Kerncijfers (bron: monitor sociaal domein):\n\n");
        for (String s : new String[] {"Paginaweergaven website", "Verstuurde berichten", "Verwerkte transacties"}) {
            t.append(s).append(": ").append(Kit.group(valid(), "333")).append('\n');
        }
        return body("statistics", "large counts written with spaces in 3-3-3 groups", "Kerncijfers", t
                + maybeMention(i), kit.client());
    }

    private Kit.Case utilityCodes(int i) {
        String text = "WOZ-objectnummer: 0" + valid().substring(0, 3) + " " + (10000000 + kit.random.nextInt(89999999))
                + "\nEAN-code elektriciteit: 8716" + (10000000000000L + (long) (kit.random.nextDouble() * 8e13))
                + "\nUZOVI " + (3000 + kit.random.nextInt(999)) + "\nAGB-code huisarts " + valid().substring(1)
                + "\nKlantnummer energie " + valid() + maybeMention(i);
        return body("utility-codes", "WOZ, EAN, UZOVI, AGB and customer numbers", "Gegevens woning", text, kit.client());
    }

    private Kit.Case cjib(int i) {
        String text = "CJIB-nummer: " + (1000 + kit.random.nextInt(8999)) + " " + (1000 + kit.random.nextInt(8999)) + " "
                + (1000 + kit.random.nextInt(8999)) + " " + (1000 + kit.random.nextInt(8999)) + "\nBeschikkingsnummer: "
                + valid() + "\nBetalingskenmerk: " + Kit.group(valid(), "333") + maybeMention(i);
        return body("cjib", "fine and payment numbers of a traffic fine", "Boete dienstauto", text, kit.client());
    }
}

package nl.lekwacht.corpus;

import static nl.lekwacht.inspect.FindingCode.BSN;
import static nl.lekwacht.inspect.FindingCode.IBAN;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.lekwacht.inspect.Severity;

/**
 * Scenarios whose risk is in the message body (plain text, HTML, both): each written form of a BSN,
 * keyword distance, columns and lists, labels of other numbers, forwarded text, IBANs, special
 * categories, and negatives full of look-alikes. Plain Java, no outside programs.
 */
final class BodyScenarios {

    private final FakeData data;
    private final Texts texts;

    BodyScenarios(FakeData data) {
        this.data = data;
        this.texts = new Texts(data);
    }

    List<CorpusGenerator.Scenario> all() {
        List<CorpusGenerator.Scenario> all = new ArrayList<>();
        all.add(form("body-form-nine-digits", "burgerservicenummer", b -> b));
        all.add(form("body-form-dotted-4-2-3", "BSN", b -> b.substring(0, 4) + "." + b.substring(4, 6) + "." + b.substring(6)));
        all.add(form("body-form-dotted-3-3-3", "sofinummer", b -> grouped(b, '.')));
        all.add(form("body-form-spaced", "citizen service number", b -> grouped(b, ' ')));
        all.add(form("body-form-dashed", "persoonsnummer", b -> grouped(b, '-')));
        all.add(eightDigits());
        all.add(keywordDistance("body-keyword-within-300", 230, true));
        all.add(keywordDistance("neg-body-keyword-too-far", 700, false));
        all.add(htmlTable());
        all.add(listWithoutKeyword());
        all.add(labelledOtherNumbers());
        all.add(forwarded());
        all.add(alternativeParts());
        all.add(signatureLookAlikes());
        all.add(singleNumberWithoutContext());
        all.add(orderTable());
        all.add(randomNumberList());
        all.add(ibans());
        all.add(special("body-special-health", "health", texts.healthParagraph()));
        all.add(special("body-special-criminal", "criminal",
                "Uit het uittreksel van de justitiële documentatie blijkt dat betrokkene in 2019 is veroordeeld "
                        + "voor diefstal. De reclassering begeleidt hem; zijn strafblad is bij de aanvraag gevoegd."));
        all.add(special("body-special-religion", "religion",
                "Mevrouw gaf aan dat zij vanwege haar geloofsovertuiging niet op vrijdag kan werken; zij is "
                        + "actief lid van de moskee en draagt een hoofddoek om religieuze redenen."));
        all.add(special("body-special-union", "union",
                "Betrokkene is lid van de vakbond FNV en wordt bijgestaan door een vakbondsjurist; het "
                        + "vakbondslidmaatschap is in het gesprek ter sprake gekomen."));
        all.add(special("body-special-sexual-orientation", "sexual-orientation",
                "In het gesprek vertelde hij over zijn homoseksuele geaardheid en de seksuele geaardheid van "
                        + "zijn partner speelde een rol bij de melding."));
        all.add(special("body-special-biometric", "biometric",
                "Voor de toegangspas zijn vingerafdrukken afgenomen en is een gezichtsscan gemaakt; "
                        + "de biometrische gegevens worden bewaard bij beveiliging."));
        all.add(special("body-special-ethnicity-politics", "ethnicity",
                "Cliënt heeft een migratieachtergrond; zijn etnische afkomst en zijn politieke voorkeur kwamen "
                        + "ter sprake, net als zijn lidmaatschap van een politieke partij."));
        all.add(specialNegative());
        return all;
    }

    private interface Writer {
        String write(String bsn);
    }

    private CorpusGenerator.Scenario form(String name, String keyword, Writer writer) {
        String bsn = data.bsn();
        String body = texts.greeting() + texts.filler(2) + "Het " + keyword + " van " + data.name() + " is "
                + writer.write(bsn) + ". " + texts.filler(2) + texts.signature();
        return bsnScenario(name, "a BSN written as " + writer.write("123456782") + " next to '" + keyword + "'",
                body, List.of(bsn), Severity.HIGH);
    }

    private CorpusGenerator.Scenario eightDigits() {
        String bsn = data.bsnWithLeadingZero();
        String body = texts.greeting() + "Het BSN is " + bsn.substring(1) + " (zonder voorloopnul genoteerd). "
                + texts.filler(3) + texts.signature();
        return bsnScenario("body-form-eight-digits", "a BSN with a leading zero written with eight digits", body,
                List.of(bsn), Severity.HIGH);
    }

    private CorpusGenerator.Scenario keywordDistance(String name, int distance, boolean found) {
        String bsn = data.bsn();
        StringBuilder filler = new StringBuilder();
        while (filler.length() < distance) {
            filler.append(texts.filler(1));
        }
        String gap = filler.substring(0, distance);
        String body = texts.greeting() + "Het BSN van de aanvrager staat hieronder. " + gap.replace("\n", " ")
                + " Nummer: " + bsn + "\n" + texts.signature();
        if (found) {
            return bsnScenario(name, "a BSN about " + distance + " characters after the keyword", body,
                    List.of(bsn), Severity.HIGH);
        }
        return negative(name, "one valid number " + distance + " characters from the keyword: no finding", body);
    }

    private CorpusGenerator.Scenario htmlTable() {
        int rows = data.between(5, 14);
        List<String> bsns = new ArrayList<>();
        StringBuilder html = new StringBuilder("<html><body><p>Beste collega,</p><p>" + texts.filler(6)
                + "</p><table><tr><th>Naam</th><th>Geboortedatum</th><th>BSN</th><th>Bedrag</th></tr>");
        for (int i = 0; i < rows; i++) {
            String bsn = data.bsn();
            bsns.add(bsn);
            html.append("<tr><td>").append(data.name()).append("</td><td>").append(data.birthDate())
                    .append("</td><td>").append(bsn).append("</td><td>").append(data.between(100, 2000))
                    .append(",00</td></tr>");
        }
        html.append("</table><p>").append(texts.filler(2)).append("</p></body></html>");
        CorpusGenerator.Scenario s = new CorpusGenerator.Scenario("body-html-table-column",
                new EmlWriter("Overzicht uitkeringen").html(html.toString()), new Expectation("body-html-table-column"));
        s.expectation().describe("an HTML table with a BSN column of " + rows + " rows").count(BSN, "body", rows)
                .severity(BSN, "body", Severity.HIGH).evidence(BSN, FakeData.masked(bsns.get(rows - 1)));
        return s;
    }

    private CorpusGenerator.Scenario listWithoutKeyword() {
        int n = data.between(3, 7);
        List<String> bsns = new ArrayList<>();
        StringBuilder body = new StringBuilder(texts.greeting() + "Hierbij de nummers voor de uitbetaling:\n\n");
        for (int i = 0; i < n; i++) {
            String bsn = data.bsn();
            bsns.add(bsn);
            body.append(data.name()).append(": ").append(bsn).append('\n');
        }
        body.append('\n').append(texts.filler(2)).append(texts.signature());
        return bsnScenario("body-list-without-keyword", n + " valid numbers in a list, no keyword", body.toString(),
                bsns, Severity.MEDIUM);
    }

    private CorpusGenerator.Scenario labelledOtherNumbers() {
        String bsn = data.bsn();
        String body = texts.greeting() + "Het BSN van de klant is " + bsn + ". Klantnummer: " + data.bsn()
                + ", dossiernummer " + data.bsn() + ", factuurnummer " + data.bsn() + ", rekeningnummer "
                + data.bsn() + " en KvK-nummer " + data.validEight() + ".\n" + texts.filler(2) + texts.signature();
        return bsnScenario("body-labelled-other-numbers",
                "one BSN beside valid numbers labelled as customer, file, invoice, account and KvK numbers",
                body, List.of(bsn), Severity.HIGH);
    }

    private CorpusGenerator.Scenario forwarded() {
        String bsn = data.bsn();
        String body = "Ter info.\n\n---------- Doorgestuurd bericht ----------\nVan: " + data.name()
                + " <inwoner@voorbeeld.example>\nDatum: 3 maart 2025 10:12\nOnderwerp: Mijn aanvraag\n\n"
                + "> Goedemorgen,\n> Mijn burgerservicenummer is " + grouped(bsn, ' ') + ".\n> " + texts.filler(2)
                + "\n> Groet, " + data.name() + "\n" + texts.signature();
        return bsnScenario("body-forwarded", "a BSN in a forwarded message quoted in the body", body,
                List.of(bsn), Severity.HIGH);
    }

    private CorpusGenerator.Scenario alternativeParts() {
        String a = data.bsn();
        String b = data.bsn();
        String plain = texts.greeting() + "BSN partner 1: " + a + "\nBSN partner 2: " + b + "\n" + texts.signature();
        String html = "<html><body><p>Beste,</p><p>BSN partner 1: " + a + "<br>BSN partner 2: " + b
                + "</p></body></html>";
        Expectation e = new Expectation("body-alternative-parts")
                .describe("the same two BSNs in the plain and the HTML alternative: counted once")
                .count(BSN, "body", 2).severity(BSN, "body", Severity.HIGH).evidence(BSN, FakeData.masked(a));
        return new CorpusGenerator.Scenario(e.name, new EmlWriter("Gegevens partners").plain(plain).html(html), e);
    }

    private CorpusGenerator.Scenario signatureLookAlikes() {
        String iban = data.dutchIban();
        String body = texts.greeting() + "Stuur nooit een BSN of burgerservicenummer per e-mail; gebruik het "
                + "beveiligde portaal. " + texts.filler(3) + texts.invoiceSignature(iban);
        Expectation e = new Expectation("neg-body-signature-look-alikes")
                .describe("BSN keyword near a KvK number, phone numbers and a btw number that pass the 11-proef, "
                        + "and an IBAN")
                .count(IBAN, "body", 1);
        return new CorpusGenerator.Scenario(e.name, new EmlWriter("Beveiligd mailen").plain(body), e);
    }

    private CorpusGenerator.Scenario singleNumberWithoutContext() {
        String body = texts.greeting() + texts.filler(3) + "Het nummer " + data.bsn() + " staat genoteerd. "
                + texts.filler(2) + texts.signature();
        return negative("neg-body-single-number", "one valid nine-digit number without context", body);
    }

    private CorpusGenerator.Scenario orderTable() {
        StringBuilder html = new StringBuilder("<html><body><p>Beste leverancier,</p><p>Hierbij de bestellingen "
                + "(zonder BSN, zoals afgesproken).</p><table><tr><th>Ordernummer</th><th>Klantnummer</th>"
                + "<th>KvK</th><th>Telefoon</th></tr>");
        int rows = data.between(8, 20);
        for (int i = 0; i < rows; i++) {
            html.append("<tr><td>").append(data.bsn()).append("</td><td>").append(data.bsn()).append("</td><td>")
                    .append(data.validEight()).append("</td><td>06-").append(data.validEight()).append("</td></tr>");
        }
        html.append("</table></body></html>");
        Expectation e = new Expectation("neg-body-order-table")
                .describe("a table whose order, customer, KvK and phone columns hold only checksum-valid numbers");
        return new CorpusGenerator.Scenario(e.name, new EmlWriter("Bestellingen").html(html.toString()), e);
    }

    private CorpusGenerator.Scenario randomNumberList() {
        StringBuilder body = new StringBuilder(texts.greeting() + "De zendingen van deze week:\n");
        Set<String> numbers = new LinkedHashSet<>();
        while (numbers.size() < 15) {
            numbers.add(data.randomNine());
        }
        numbers.forEach(n -> body.append(n).append('\n'));
        body.append(texts.signature());
        return negative("neg-body-random-number-list", "fifteen random nine-digit numbers (about one in eleven valid)",
                body.toString());
    }

    private CorpusGenerator.Scenario ibans() {
        String nl = data.dutchIban();
        String de = data.germanIban();
        String body = texts.greeting() + "Wilt u het bedrag overmaken naar " + FakeData.spaced(nl)
                + " ten name van de stichting? De Duitse partner gebruikt rekening " + de + ". " + texts.filler(2)
                + texts.signature();
        Expectation e = new Expectation("body-iban").describe("a spaced Dutch and a compact German IBAN")
                .count(IBAN, "body", 2).evidence(IBAN, maskedIban(nl));
        return new CorpusGenerator.Scenario(e.name, new EmlWriter("Betaling").plain(body), e);
    }

    private CorpusGenerator.Scenario special(String name, String category, String paragraph) {
        String body = texts.greeting() + texts.filler(2) + paragraph + "\n\n" + texts.filler(2) + texts.signature();
        Expectation e = new Expectation(name).describe("special category data: " + category).category(category);
        return new CorpusGenerator.Scenario(name, new EmlWriter("Gespreksverslag").plain(body), e);
    }

    private CorpusGenerator.Scenario specialNegative() {
        String body = texts.greeting() + "Uw aanvraag is in behandeling. " + texts.filler(3)
                + "\n\nMet vriendelijke groet,\n\n" + data.name() + "\nTeam Zorg en Gezondheid\n";
        return negative("neg-body-special-signature", "one care-related word in a signature", body);
    }

    private CorpusGenerator.Scenario bsnScenario(String name, String description, String body, List<String> bsns,
                                                 Severity severity) {
        Expectation e = new Expectation(name).describe(description).count(BSN, "body", new LinkedHashSet<>(bsns).size())
                .severity(BSN, "body", severity).evidence(BSN, FakeData.masked(bsns.get(0)));
        return new CorpusGenerator.Scenario(name, new EmlWriter("Aanvraag").plain(body), e);
    }

    private CorpusGenerator.Scenario negative(String name, String description, String body) {
        Expectation e = new Expectation(name).describe(description);
        return new CorpusGenerator.Scenario(name, new EmlWriter("Informatie").plain(body), e);
    }

    static String grouped(String bsn, char separator) {
        return bsn.substring(0, 3) + separator + bsn.substring(3, 6) + separator + bsn.substring(6);
    }

    static String maskedIban(String iban) {
        return iban.substring(0, 2) + "**" + "*".repeat(iban.length() - 8) + iban.substring(iban.length() - 4);
    }
}

package nl.lekwacht.inspect.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.Severity;
import nl.lekwacht.message.TextPart;
import nl.lekwacht.support.Bsns;
import org.junit.jupiter.api.Test;

/**
 * The context that says a valid number is something else (issue 12's false-positive classes), and the
 * context that still says it is a BSN. Numbers are synthetic, made valid with the 11-proef.
 */
class NotABsnContextTest {

    private final BsnDetector detector = new BsnDetector(BsnSettings.defaults());

    private List<Finding> body(String text) {
        return detector.inspect(Messages.body(text));
    }

    private List<Finding> table(String text) {
        return detector.inspect(Messages.of(new TextPart("2", "attachment:lijst.csv", text, true)));
    }

    @Test
    void aColumnOfPaymentReferencesIsNotAList() {
        StringBuilder csv = new StringBuilder("Debiteur\tNaam\tBetalingskenmerk\tBedrag\n");
        numbers(12).forEach(n -> csv.append("4711\tJansen, K.\t").append(n).append("\t35,90\n"));
        assertThat(table(csv.toString())).isEmpty();
    }

    @Test
    void aKenmerkInABankStatementCellIsNotABsn() {
        StringBuilder csv = new StringBuilder("Datum\tNaam / Omschrijving\tMededelingen\n");
        numbers(12).forEach(n -> csv.append("20250804\tZorgverzekeraar\tKenmerk: ").append(n).append(" termijn\n"));
        assertThat(table(csv.toString())).isEmpty();
    }

    @Test
    void amountsWrittenWithThousandDotsUnderAEuroHeadingAreNotBsns() {
        StringBuilder text = new StringBuilder("Lasten per taakveld (in euro's):\n\n");
        numbers(6).forEach(n -> text.append("Taakveld     ").append(dotted(n)).append('\n'));
        text.append("\nNB: een bsn hoort niet in de chat van de vergadering.\n");
        assertThat(body(text.toString())).isEmpty();
        assertThat(body("De bijdrage is € " + dotted(Bsns.valid(7)) + ",18 dit jaar.")).isEmpty();
    }

    @Test
    void aDottedBsnBelowItsLabelInALetterAboutAnAmountIsStillABsn() {
        String letter = "Het bedrag wordt binnen tien werkdagen overgemaakt.\nNaam aanvrager: L. Jacobs\n"
                + "BSN van de aanvrager:\n" + dotted(Bsns.valid(7)) + "\nGraag uw reactie.";
        assertThat(body(letter)).hasSize(1);
    }

    @Test
    void aNumberInALinkIsNotABsn() {
        String n = Bsns.valid(7);
        assertThat(body("Zie https://forms.example/submit?id=" + n + "&ts=1\nBSN nooit per mail sturen")).isEmpty();
    }

    @Test
    void aMeetingDialInCodeIsNotABsnEvenWithBsnElsewhere() {
        String n = Bsns.valid(7);
        String invite = "Vergadering-ID: " + n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6)
                + "#\nConference ID: " + n + "#\nBespreking: aanvraag met BSN van de cliënt volgt apart.";
        assertThat(body(invite)).isEmpty();
    }

    @Test
    void otherLabelledNumbersAreNotBsns() {
        List<String> n = numbers(5);
        assertThat(body("Beschikkingnummer: " + n.get(0) + "\nStuur geen BSN mee in de mail.")).isEmpty();
        assertThat(body("Betalingskenmerk: " + n.get(1) + "\nRSIN " + n.get(2) + "\nBSN volgt")).isEmpty();
        assertThat(body("Verwerkte transacties: " + n.get(3) + "\nHet BSN staat in het dossier.")).isEmpty();
        assertThat(body("rit " + n.get(4) + "\nVermeld nooit uw BSN.")).isEmpty();
    }

    @Test
    void aKeywordInASentenceThatSaysNoBsnIsHereNamesNoNumber() {
        assertThat(body("Vermeld nooit uw burgerservicenummer in een e-mail.\nOnze referentie "
                + Bsns.valid(7))).isEmpty();
        assertThat(body("Het burgerservicenummer van de aanvrager: " + Bsns.valid(7))).hasSize(1);
    }

    @Test
    void aListOfValidNumbersWithoutPeopleIsNotAList() {
        StringBuilder text = new StringBuilder("Overzicht:\n");
        numbers(5).forEach(n -> text.append(n).append('\n'));
        assertThat(body(text.toString())).isEmpty();
    }

    @Test
    void aBareColumnOfFiftyValidNumbersIsStillAFinding() {
        StringBuilder text = new StringBuilder();
        numbers(50).forEach(n -> text.append(n).append('\n'));
        assertThat(body(text.toString())).singleElement().satisfies(f -> {
            assertThat(f.count()).isEqualTo(50);
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        });
    }

    @Test
    void aNumberOnALineWithANameAndADateOfBirthIsABsnWithoutKeyword() {
        assertThat(body("Wachtlijst:\n\nRamdin, P.\t04-09-1942\t" + Bsns.valid(7) + "\tWeidezoom 159\n"))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
    }

    @Test
    void anUnlabelledNumberInTheSubjectOrAFileNameIsABsn() {
        String n = Bsns.valid(7);
        assertThat(detector.inspect(Messages.of(new TextPart(TextPart.HEADER, "header:Subject",
                "Jacobs / " + n + " / herindicatie", false)))).hasSize(1);
        assertThat(detector.inspect(Messages.of(new TextPart("2", "attachment:x.pdf", "Overdracht Hofman " + n + " pdf",
                false)))).hasSize(1);
        assertThat(detector.inspect(Messages.of(new TextPart(TextPart.HEADER, "header:Subject",
                "Factuur " + n, false)))).isEmpty();
        assertThat(body("Het nummer " + n + " staat genoteerd.")).isEmpty();
    }

    @Test
    void aDutchCompoundNumberLabelNamesAnotherKindButABsnKeywordEndingInNummerStillNamesABsn() {
        String n = Bsns.valid(7);
        assertThat(subject("Klachtnummer " + n + " ontvangen")).isEmpty();
        assertThat(subject("Objectnr. " + n)).isEmpty();
        assertThat(subject("Burgerservicenummer " + n)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
        assertThat(subject("Persoonsnummer: " + n)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
        assertThat(subject("Het nummer " + n)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
    }

    @Test
    void aListUnderAHeadingOfThingsIsNotPeopleButABareColumnAfterABlankLineStillIs() {
        StringBuilder text = new StringBuilder("Serienummers scanners:\n");
        numbers(12).forEach(n -> text.append(n).append('\n'));
        assertThat(body(text.toString())).isEmpty();
        text.append("\n");
        java.util.stream.IntStream.range(0, 12).forEach(i -> text.append(Bsns.valid(500 + i)).append('\n'));
        assertThat(body(text.toString())).singleElement().satisfies(f -> assertThat(f.count()).isEqualTo(12));
    }

    @Test
    void aRowUnderAHeadingOfThingsThatNamesAPersonTwiceOverIsStillABsn() {
        StringBuilder text = new StringBuilder("Bestelling deelnemers cursus:\n");
        String[] names = {"J. de Vries", "A. Yilmaz", "P. Ramdin", "K. Jansen"};
        for (int i = 0; i < names.length; i++) {
            text.append(names[i]).append(", geboren 0").append(i + 3).append("-04-1961, ").append(Bsns.valid(600 + i))
                    .append('\n');
        }
        assertThat(body(text.toString())).singleElement().satisfies(f -> {
            assertThat(f.count()).isEqualTo(4);
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        });
    }

    @Test
    void aHeadingOfThingsThatAlsoNamesPeopleOrABsnIsNotAHeadingOfThings() {
        StringBuilder text = new StringBuilder("Naam en serienummer:\n");
        numbers(12).forEach(n -> text.append(n).append('\n'));
        assertThat(body(text.toString())).singleElement().satisfies(f -> assertThat(f.count()).isEqualTo(12));
        StringBuilder bsn = new StringBuilder("Artikel 3: BSN van de deelnemers\n");
        numbers(4).forEach(n -> bsn.append(n).append('\n'));
        assertThat(body(bsn.toString())).singleElement().satisfies(f -> assertThat(f.count()).isEqualTo(4));
    }

    private List<Finding> subject(String text) {
        return detector.inspect(Messages.of(new TextPart(TextPart.HEADER, "header:Subject", text, false)));
    }

    @Test
    void aNumberRepeatedOnEveryPageAndInTheBodyCountsOnce() {
        String n = Bsns.valid(7);
        List<Finding> findings = detector.inspect(Messages.of(TextPart.body("BSN " + n),
                new TextPart("2", "attachment:brief.pdf", ("Voettekst BSN " + n + "\n").repeat(3), false)));
        assertThat(findings).hasSize(2);
        assertThat(findings.stream().mapToInt(Finding::count).sum()).isEqualTo(1);
    }

    private static List<String> numbers(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> Bsns.valid(100 + i)).distinct().toList();
    }

    private static String dotted(String n) {
        return n.substring(0, 3) + "." + n.substring(3, 6) + "." + n.substring(6);
    }
}

package nl.lekwacht.corpus;

import java.util.List;

/**
 * Dutch text the corpus is made of: greetings, filler sentences, a signature full of look-alike
 * numbers, and letter templates. Random choices come from the scenario's {@link FakeData}.
 */
final class Texts {

    private static final List<String> FILLER = List.of(
            "Naar aanleiding van ons telefoongesprek van vanochtend stuur ik u hierbij de gevraagde gegevens.",
            "De aanvraag is door het team beoordeeld en wordt volgende week in het overleg besproken.",
            "Wij verzoeken u de stukken voor het einde van de maand aan te vullen.",
            "Mocht u vragen hebben, dan kunt u contact opnemen met het klantcontactcentrum.",
            "Het college heeft op 12 maart 2024 besloten het beleid voor 2025 ongewijzigd voort te zetten.",
            "De termijn voor bezwaar is zes weken na de dag van verzending van dit besluit.",
            "In het overleg van dinsdag 14.30 uur is afgesproken dat we de planning aanpassen.",
            "Kamer 3.14 is gereserveerd voor het gesprek; parkeren kan in de garage aan de achterzijde.",
            "Het bedrag van EUR 1.250,00 wordt binnen 30 dagen overgemaakt.",
            "Zaak 2024-0815 loopt nog; het advies volgt uiterlijk over twee weken.");

    private final FakeData data;

    Texts(FakeData data) {
        this.data = data;
    }

    String greeting() {
        return "Beste " + data.name() + ",\n\n";
    }

    String filler(int sentences) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            b.append(data.pick(FILLER)).append(i % 3 == 2 ? "\n\n" : " ");
        }
        return b.toString();
    }

    /**
     * A signature with every look-alike Purview users complain about: a KvK number and phone numbers
     * that pass the 11-proef, and a btw number whose nine digits pass it too.
     */
    String signature() {
        return "\n\nMet vriendelijke groet,\n\n" + data.name() + "\nTeam Werk en Inkomen\nGemeente Voorbeeldstad\n"
                + "T +31 6 " + data.validEight() + " | 0031 6 " + data.validEight() + " | 06-" + data.validEight()
                + "\nKvK " + data.validEight() + " | btw NL" + data.bsn() + "B01 | Postbus " + data.between(1, 999)
                + "\n";
    }

    /** A signature that also carries the organisation's bank account: an IBAN finding. */
    String invoiceSignature(String iban) {
        return signature() + "IBAN " + FakeData.spaced(iban) + "\n";
    }

    /** A decision letter in HTML: the citizen's details with the BSN written as {@code writtenBsn}. */
    String decisionHtml(String name, String writtenBsn) {
        return "<html><head><meta charset=\"utf-8\"><title>Beschikking</title></head><body>"
                + "<h1>Beschikking Participatiewet</h1>"
                + "<p>Aan: " + name + "<br>" + data.address() + "</p>"
                + "<p>Burgerservicenummer: " + writtenBsn + "<br>Geboortedatum: " + data.birthDate() + "</p>"
                + "<p>" + filler(4).replace("\n", " ") + "</p>"
                + "<p>Besluit: de uitkering wordt toegekend met ingang van 1 " + data.pick(List.of("januari", "april",
                "juli", "oktober")) + " 2025.</p><p>" + filler(3).replace("\n", " ") + "</p></body></html>";
    }

    /** A neutral letter in HTML with no personal numbers at all. */
    String neutralHtml() {
        return "<html><head><meta charset=\"utf-8\"></head><body><h1>Verslag overleg</h1><p>"
                + filler(12).replace("\n", " ") + "</p><p>" + filler(12).replace("\n", " ") + "</p></body></html>";
    }

    /** A medical advice in HTML: health data under AVG art. 9. */
    String medicalAdviceHtml(String name) {
        return "<html><head><meta charset=\"utf-8\"></head><body><h1>Medisch advies</h1>"
                + "<p>Betreft: " + name + "</p><p>" + healthParagraph() + "</p><p>" + filler(3).replace("\n", " ")
                + "</p></body></html>";
    }

    String healthParagraph() {
        return data.pick(List.of(
                "Uit het medisch advies van de GGD blijkt dat bij cliënt een depressie is vastgesteld. "
                        + "De behandeling bij de GGZ loopt nog; de indicatie voor begeleiding is afgegeven.",
                "De bedrijfsarts stelt vast dat betrokkene arbeidsongeschikt is wegens chronische pijn. "
                        + "De diagnose is gesteld door de huisarts en er is een verwijzing naar de psycholoog.",
                "Cliënt gebruikt medicatie voor diabetes en heeft een indicatie voor Wmo-ondersteuning; "
                        + "het medisch advies is opgenomen in het dossier."));
    }
}

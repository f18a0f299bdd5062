package nl.lekwacht.evaluation;

import java.util.Random;

/** Subjects and short bodies of the sent mail of organisation B: partners, residents, colleagues, groups. */
final class Texts {

    private final Random random;
    private final Dutch nl;
    private final Draft.Person me;

    Texts(Random random, Draft.Person me) {
        this.random = random;
        this.nl = new Dutch(random);
        this.me = me;
    }

    private String client() {
        Dutch.Resident r = nl.resident();
        return nl.one("mw. ", "dhr. ", "fam. ") + r.last();
    }

    String topic(Correspondents.Contact c) {
        return switch (c.kind()) {
            case "resident" -> nl.one("Uw aanvraag bijzondere bijstand", "Afspraak keukentafelgesprek",
                    "Vraag over uw uitkering", "Uw melding Wmo", "Inlichtingenformulier", "Afspraak schuldhulp",
                    "Terugbelverzoek", "Uw bezwaar", "Ontbrekende stukken", "Huisbezoek");
            case "colleague" -> nl.one("Overdracht caseload", "Vervanging vrijdag", "Werkinstructie", "Vraagje",
                    "Planning intakes", "Verslag MDO", "Agenda teamoverleg", "Steekproef dossiers");
            default -> nl.one("Aanmelding ", "Overdracht ", "Indicatie ", "Zorgen over ", "Voortgang ",
                    "Evaluatie ", "Huisbezoek ", "Schuldenoverzicht ", "Toewijzing ", "Afstemming ") + client();
        };
    }

    String body(Correspondents.Contact to, String subject, boolean reply) {
        String first = to.first();
        String hello = to.kind().equals("resident")
                ? nl.one("Beste " + first + ",", "Geachte heer/mevrouw " + to.last() + ",", "Goedemiddag,")
                : nl.one("Hoi " + first + ",", "Beste " + first + ",", "Hallo " + first + ",", "Dag " + first + ",");
        String text = switch (to.kind()) {
            case "resident" -> nl.one(
                    "Dank voor uw bericht. Wij hebben de stukken ontvangen en nemen binnen twee weken een besluit.",
                    "Zoals afgesproken kom ik dinsdagochtend om 10.00 uur bij u langs.",
                    "Wilt u de bankafschriften van de afgelopen drie maanden nog nasturen? Dan kan ik uw aanvraag "
                            + "afronden.",
                    "Ik heb uw vraag doorgezet naar mijn collega van de schuldhulpverlening; zij belt u deze week.",
                    "Uw uitkering wordt deze maand iets later uitbetaald door de feestdagen.",
                    "Helaas kon ik u telefonisch niet bereiken. Kunt u mij terugbellen?");
            case "colleague" -> nl.one("Kun jij de intake van maandag overnemen? Ik zit dan bij de rechtbank.",
                    "Ik heb de overdracht in het dossier gezet.", "Zullen we donderdag even sparren over deze casus?",
                    "Dank je, ik pak het op.", "Staat op de agenda voor het teamoverleg.");
            default -> nl.one(
                    "Naar aanleiding van ons gesprek: de indicatie loopt nog tot eind van het jaar. Ik stuur de "
                            + "toewijzing vandaag.",
                    "Mevrouw heeft aangegeven dat het thuis niet goed gaat. Kunnen jullie deze week langsgaan?",
                    "De aanmelding is binnen. Ik plan een keukentafelgesprek in en laat je weten wanneer.",
                    "Het schuldenoverzicht is compleet, op twee schuldeisers na. Die vraag ik nog op.",
                    "Graag bespreken we dit in het volgende overleg. Kun je de voortgang kort op papier zetten?",
                    "Meneer is akkoord met de doorverwijzing. Zijn telefoonnummer staat in het dossier.",
                    "Dank voor de snelle reactie, dan zetten we het zo in gang.");
        };
        String close = nl.one("Met vriendelijke groet,", "Groet,", "Vriendelijke groet,", "Hartelijke groet,");
        return hello + "\n\n" + (reply ? nl.one("Dank voor je bericht. ", "", "Helder. ") : "") + text + "\n\n" + close
                + "\n\n" + me.name().replaceFirst("^(\\w+), (\\w+)$", "$2 $1") + "\nWerkplein Noordwaard";
    }

    String group(String name, int week) {
        return "Beste allen,\n\nHierbij de agenda voor het " + name.toLowerCase() + " van deze week:\n\n"
                + "1. Opening\n2. Nieuwe aanmeldingen\n3. Lopende casussen\n4. Rondvraag\n\n"
                + nl.one("Graag casussen vooraf aanmelden.", "Locatie: wijkcentrum De Bongerd.",
                "We starten om 9.30 uur.") + "\n\nGroet,\n" + me.name().replaceFirst("^(\\w+), (\\w+)$", "$2 $1");
    }

    String neutralNew() {
        return nl.one(
                "Wij willen graag een vergaderzaal reserveren voor ongeveer 20 personen op een dinsdagochtend in "
                        + "september. Kunt u mij de mogelijkheden en tarieven sturen?",
                "Graag ontvang ik informatie over de training 'Signaleren van armoede' voor ons team van twaalf "
                        + "medewerkers.",
                "Via een collega kreeg ik uw naam. Zou u in ons werkoverleg iets willen vertellen over jullie "
                        + "aanbod voor mantelzorgers?",
                "Kunt u mij een offerte sturen voor 200 exemplaren van de folder over de energietoeslag?",
                "Wij organiseren een informatiemarkt voor werkgevers en zoeken nog een standhouder. Heeft u interesse?");
    }
}

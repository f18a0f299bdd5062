package nl.lekwacht.evaluation;

import java.time.ZonedDateTime;

/** The prose of the corpus: what a consulent, a klantmanager or a resident actually writes. */
final class Letters {

    private final Kit kit;
    private final Dutch nl;

    Letters(Kit kit) {
        this.kit = kit;
        this.nl = kit.nl;
    }

    String voorziening() {
        return nl.one("individuele begeleiding", "hulp bij het huishouden (HH1)", "dagbesteding (2 dagdelen)",
                "een scootmobiel in bruikleen", "een traplift", "woningaanpassing (drempelhulpen en douchestoel)",
                "kortdurend verblijf (respijtzorg)", "beschermd wonen", "vervoersvoorziening regiotaxi");
    }

    String jeugdhulp() {
        return nl.one("ambulante jeugdhulp (45A48)", "jeugd-GGZ behandeling (54001)", "dyslexiezorg (54B01)",
                "pleegzorg (42A02)", "dagbehandeling jeugd (44A06)", "logeeropvang (41A09)");
    }

    /** The reason paragraph of a Wmo decision. */
    String wmoReason(Dutch.Resident r, ZonedDateTime t) {
        return "Op " + kit.dateNl(t.minusDays(40 + kit.random.nextInt(30))) + " heeft u zich bij ons gemeld met een "
                + "hulpvraag. Op " + kit.dateNl(t.minusDays(20)) + " heeft u een gesprek gehad met onze consulent. "
                + "Uit dat gesprek blijkt dat u " + nl.one("moeite heeft met het schoonhouden van uw woning",
                "door uw beperkingen niet zelfstandig uw dag kunt invullen",
                "niet meer veilig de trap op kunt", "overbelast raakt in de zorg voor uw partner")
                + ". Wij kennen u daarom " + voorziening() + " toe voor de periode van "
                + kit.dateNl(t.plusDays(7)) + " tot en met " + kit.dateNl(t.plusYears(1)) + ".";
    }

    String bijstandReason(ZonedDateTime t) {
        return nl.one("U heeft bijzondere bijstand aangevraagd voor de kosten van ",
                "Wij hebben uw aanvraag ontvangen voor een vergoeding van ",
                "Naar aanleiding van uw aanvraag om bijzondere bijstand voor ")
                + nl.one("een wasmachine", "de eigen bijdrage rechtsbijstand", "bewindvoeringskosten",
                "een bril", "woninginrichting", "de verhuiskosten", "tandartskosten")
                + ". " + nl.one("Wij hebben besloten de aanvraag toe te kennen.",
                "Wij wijzen uw aanvraag gedeeltelijk toe.", "Helaas moeten wij uw aanvraag afwijzen.")
                + " Het bedrag wordt binnen tien werkdagen overgemaakt.";
    }

    String reintegratie() {
        return nl.one(
                "Cliënt is gestart met het traject Werkfit bij Opmaat. Hij is gemotiveerd, komt afspraken na en "
                        + "heeft in de eerste weken een goede werkhouding laten zien.",
                "Mevrouw heeft de afgelopen periode vrijwilligerswerk gedaan in de kringloopwinkel. Zij wil graag "
                        + "doorgroeien naar een betaalde baan van ongeveer 20 uur per week.",
                "Er zijn belemmeringen op het gebied van taal (niveau A2) en kinderopvang. Voorstel is een "
                        + "taaltraject te combineren met een werkervaringsplaats.",
                "De proefplaatsing bij de groenvoorziening is positief afgerond. De werkgever wil een contract "
                        + "voor zes maanden aanbieden met loonkostensubsidie.");
    }

    String medisch() {
        return nl.one(
                "Belanghebbende is op het spreekuur gezien. Er is sprake van chronische rugklachten en een "
                        + "depressieve stoornis waarvoor behandeling bij de GGZ loopt.",
                "Op basis van de informatie van de behandelend psychiater is cliënt op dit moment niet "
                        + "belastbaar voor arbeid. Herbeoordeling over zes maanden.",
                "Betrokkene heeft COPD (GOLD III). Lopen is beperkt tot ongeveer 100 meter; een "
                        + "vervoersvoorziening is medisch noodzakelijk.",
                "Er zijn geen medische beperkingen die een urenbeperking rechtvaardigen. Wel is fysiek zwaar "
                        + "werk af te raden.");
    }

    String bezwaar(Dutch.Resident r, String kenmerk) {
        return "Hierbij maak ik bezwaar tegen uw besluit met kenmerk " + kenmerk + ". "
                + nl.one("Ik ben het er niet mee eens dat mijn uitkering wordt verlaagd, want ik woon niet samen.",
                "De hulp bij het huishouden wordt van 4 naar 2 uur teruggebracht, terwijl mijn situatie niet is "
                        + "veranderd.",
                "U heeft mijn aanvraag afgewezen omdat ik te laat zou zijn, maar ik heb de papieren op tijd "
                        + "ingeleverd bij de balie.",
                "De terugvordering klopt niet. Ik heb de inkomsten van mijn zoon wel doorgegeven.")
                + " Ik vraag u het besluit te herzien.";
    }

    String helpdesk() {
        return nl.one("Ik heb vorige week een aanvraag gedaan maar nog niets gehoord. Kunt u mij laten weten hoe "
                        + "het ervoor staat?",
                "Ik krijg steeds een foutmelding als ik wil inloggen om mijn inkomstenformulier in te vullen.",
                "Mijn uitkering is deze maand niet op mijn rekening gekomen. Wat is er aan de hand?",
                "Ik wil graag een afspraak maken over de schulden, ik weet niet meer wat ik moet doen.",
                "Mijn moeder heeft hulp nodig in huis, hoe kan ik dat aanvragen voor haar?");
    }

    String neutral() {
        return nl.one("Zoals besproken stuur ik je hierbij de stukken.",
                "Wil je hier voor vrijdag naar kijken?",
                "Fijn dat we dit zo snel konden regelen.",
                "Laat maar weten als er nog iets ontbreekt.",
                "Ik ben morgen op kantoor, dan kunnen we het even doorlopen.",
                "Graag jullie reactie voor het casuïstiekoverleg van donderdag.");
    }
}

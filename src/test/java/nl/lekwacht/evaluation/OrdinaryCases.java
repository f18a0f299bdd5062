package nl.lekwacht.evaluation;

import java.util.List;

/** Ordinary negatives: the everyday mail of a social service with no number of interest in it. */
final class OrdinaryCases {

    private final Kit kit;
    private final Dutch nl;
    private final Letters letters;

    OrdinaryCases(Kit kit) {
        this.kit = kit;
        this.nl = kit.nl;
        this.letters = new Letters(kit);
    }

    void addTo(List<Kit.Case> out) {
        for (int i = 0; i < 40; i++) {
            out.add(note());
        }
        for (int i = 0; i < 25; i++) {
            out.add(reply());
        }
        for (int i = 0; i < 20; i++) {
            out.add(meeting());
            out.add(newsletter());
        }
        for (int i = 0; i < 15; i++) {
            out.add(policyDocument(i % 3 == 0 ? "odt" : "docx"));
            out.add(agendaPdf());
            out.add(mobileThanks());
        }
        for (int i = 0; i < 10; i++) {
            out.add(outOfOffice());
        }
    }

    private Kit.Case plain(String category, String notes, String subject, String text, MailWriter.Client c) {
        Draft.Person me = kit.me();
        Draft.Person to = kit.random.nextBoolean() ? kit.partner() : kit.me();
        Draft d = kit.draft(me, to, subject, c).text(text);
        return kit.negative(category, notes, () -> kit.writer.write(d, c));
    }

    private Kit.Case note() {
        Draft.Person me = kit.me();
        String text = nl.one("Hoi,\n\n", "Beste collega's,\n\n", "Goedemorgen,\n\n") + nl.one(
                "Vanaf volgende week werken we met het nieuwe formulier voor de keukentafelgesprekken. De oude versie "
                        + "graag niet meer gebruiken.",
                "De training motiverende gespreksvoering gaat door, we beginnen om half tien in de grote zaal.",
                "Kan iemand de dienst van de balie op donderdag overnemen? Ik moet naar de tandarts.",
                "Het werkoverleg van vrijdag vervalt. We schuiven de punten door naar de volgende keer.",
                "Er staat taart in de keuken, Marloes is vandaag jarig!",
                "De nieuwe werkinstructie voor huisbezoeken staat op het intranet onder Werkprocessen.",
                "Wil iedereen zijn verlofaanvragen voor de zomer voor het eind van de maand indienen?",
                "De printer op de tweede verdieping is weer gerepareerd.")
                + "\n\n" + letters.neutral() + "\n\n" + nl.closing(me);
        return plain("note", "internal or partner note without numbers of interest", nl.one("Mededeling", "Werkoverleg",
                "Ter info", "Training", "Balie donderdag"), text, kit.client());
    }

    private Kit.Case reply() {
        Draft.Person me = kit.me();
        Draft.Person to = kit.partner();
        MailWriter.Client c = nl.one(MailWriter.Client.OUTLOOK, MailWriter.Client.THUNDERBIRD);
        String original = "Hoi " + me.name().split(" ")[0] + ",\n\nKunnen we het casusoverleg verplaatsen naar de middag?"
                + "\n\nGroet,\n" + to.name();
        Draft d = kit.draft(me, to, (c == MailWriter.Client.OUTLOOK ? "RE: " : "Re: ") + "casusoverleg", c);
        d.text("Prima, 14.00 uur past bij mij.\n\n" + nl.closing(me) + "\n\n" + (c == MailWriter.Client.OUTLOOK
                ? "Van: " + to.name() + "\nVerzonden: " + kit.dateNl(d.date.minusDays(1)) + "\nOnderwerp: casusoverleg\n\n"
                + original : "Op " + kit.dateNl(d.date.minusDays(1)) + " schreef " + to.name() + ":\n> "
                + original.replace("\n", "\n> ")));
        d.inReplyTo = kit.messageId(to.address().substring(to.address().indexOf('@') + 1), "other");
        d.references = d.inReplyTo;
        return kit.negative("reply", "reply with quoted original, no numbers of interest", () -> kit.writer.write(d, c));
    }

    private Kit.Case meeting() {
        String text = "Beste allen,\n\nGraag nodig ik jullie uit voor het " + nl.one("regio-overleg armoede",
                "netwerkoverleg jeugd", "afstemmingsoverleg Wmo", "overleg schuldhulp") + " op "
                + kit.dateNl(kit.when()) + " van 10.00 tot 11.30 uur in het gemeentehuis, zaal De Waard.\n\n"
                + "Agenda:\n1. Opening en mededelingen\n2. Verslag vorig overleg\n3. Signalen uit de wijken\n4. Rondvraag"
                + "\n\nParkeren kan achter het gebouw.\n\n" + nl.closing(kit.me());
        return plain("meeting", "meeting invitation without dial-in", "Uitnodiging overleg", text, MailWriter.Client.OUTLOOK);
    }

    private Kit.Case newsletter() {
        Draft.Person me = kit.me();
        Draft.Person to = kit.partner();
        String html = "<html><body style=\"font-family:Arial\"><h1>Nieuwsbrief Werkplein</h1><h2>"
                + nl.one("Nieuwe regels voor de energietoeslag", "Week van het geld", "Mantelzorgwaardering 2025",
                "Werkgeversontbijt") + "</h2><p>" + nl.one("Ook dit jaar kunnen inwoners met een laag inkomen rekenen op "
                + "ondersteuning.", "Inwoners kunnen zich aanmelden via de website of aan de balie.", "Meer dan "
                + "honderd werkgevers waren aanwezig.") + "</p><p><a href=\"https://www.werkplein-noordwaard.example/nieuws\">"
                + "Lees verder</a></p><hr><p style=\"font-size:10px\">U ontvangt deze nieuwsbrief omdat u zich heeft "
                + "aangemeld. <a href=\"https://www.werkplein-noordwaard.example/afmelden\">Afmelden</a></p></body></html>";
        Draft d = kit.draft(me, to, "Nieuwsbrief Werkplein", MailWriter.Client.GMAIL).html(html);
        return kit.negative("newsletter-html", "HTML newsletter", () -> kit.writer.write(d, MailWriter.Client.GMAIL));
    }

    private Kit.Case policyDocument(String format) {
        Fodt doc = new Fodt().header("Werkplein Noordwaard - beleid").footer("Concept").heading(nl.one(
                        "Beleidsregels bijzondere bijstand", "Notitie armoedebeleid", "Werkinstructie huisbezoek",
                        "Evaluatie pilot wijkteams"))
                .paragraphs("Deze notitie beschrijft de uitgangspunten voor de komende periode. "
                        + letters.reintegratie() + "\n\nHet college stelt voor de regeling ongewijzigd voort te zetten. "
                        + "Inwoners met een inkomen tot 120 procent van het sociaal minimum komen in aanmerking.");
        Draft.Person me = kit.me();
        Draft.Person to = kit.partner();
        MailWriter.Client c = kit.client();
        Draft d = kit.draft(me, to, "Conceptnotitie", c).text("In de bijlage de conceptnotitie. " + letters.neutral()
                + "\n\n" + nl.closing(me));
        var bytes = kit.office.writer(doc, format);
        String type = format.equals("odt") ? "application/vnd.oasis.opendocument.text"
                : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        return kit.negative("policy-" + format, "policy document, LibreOffice " + format, () -> {
            d.attach(Draft.Part.attachment("conceptnotitie." + format, type, bytes.get()));
            return kit.writer.write(d, c);
        });
    }

    private Kit.Case agendaPdf() {
        PdfLetter pdf = new PdfLetter().title("Agenda").heading("Agenda regio-overleg sociaal domein").line("")
                .line("1. Opening").line("2. Vaststellen verslag").line("3. Voortgang transformatie jeugd")
                .line("4. Inkoop Wmo 2026").line("5. Rondvraag en sluiting");
        Draft.Person me = kit.me();
        Draft.Person to = kit.partner();
        Draft d = kit.draft(me, to, "Agenda regio-overleg", MailWriter.Client.OUTLOOK).text("Bijgaand de agenda.\n\n"
                + nl.closing(me));
        return kit.negative("agenda-pdf", "PDFBox agenda without numbers of interest", () -> {
            d.attach(Draft.Part.attachment("agenda.pdf", "application/pdf", pdf.render()));
            return kit.writer.write(d, MailWriter.Client.OUTLOOK);
        });
    }

    private Kit.Case mobileThanks() {
        MailWriter.Client c = nl.one(MailWriter.Client.IPHONE, MailWriter.Client.ANDROID);
        return plain("mobile", "short mobile reply", "Re: afspraak", nl.one("Top, dank je!", "Is goed, tot morgen.",
                "Ik bel je zo even.", "Prima, ik zet het in de agenda.") + "\n\n" + (c == MailWriter.Client.IPHONE
                ? "Verzonden vanaf mijn iPhone" : "Verzonden vanaf mijn Samsung Galaxy"), c);
    }

    private Kit.Case outOfOffice() {
        return plain("out-of-office", "automatic reply", "Automatisch antwoord: " + nl.one("overleg", "vraag", "stukken"),
                "Ik ben afwezig tot en met " + kit.dateNl(kit.when()) + ". Uw mail wordt niet doorgestuurd. Voor dringende "
                        + "zaken kunt u contact opnemen met het Klantcontactcentrum.", MailWriter.Client.OUTLOOK);
    }
}

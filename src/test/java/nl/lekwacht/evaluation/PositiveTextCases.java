package nl.lekwacht.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Positives where the BSN is in the text of the mail itself: body (plain, HTML with markup, entities,
 * zero-width and full-width characters), Subject, file names, quoted replies and forwards.
 */
final class PositiveTextCases {

    private final Kit kit;
    private final Dutch nl;
    private final Letters letters;

    PositiveTextCases(Kit kit) {
        this.kit = kit;
        this.nl = kit.nl;
        this.letters = new Letters(kit);
    }

    void addTo(List<Kit.Case> out) {
        for (int i = 0; i < 12; i++) {
            out.add(bodyPlain());
        }
        for (String style : new String[] {"333", "423", "324", "dots", "dashes"}) {
            for (int i = 0; i < 10; i++) {
                out.add(grouped(style));
            }
        }
        for (int i = 0; i < 6; i++) {
            out.add(noKeyword());
        }
        for (int i = 0; i < 6; i++) {
            out.add(droppedZero());
        }
        for (int i = 0; i < 10; i++) {
            out.add(htmlMarkup());
        }
        for (int i = 0; i < 8; i++) {
            out.add(htmlEntities());
            out.add(zeroWidth());
            out.add(fullWidth());
            out.add(subjectPlain());
        }
        for (int i = 0; i < 10; i++) {
            out.add(subjectEncoded());
            out.add(fileName2231());
        }
        for (int i = 0; i < 6; i++) {
            out.add(fileName2047());
            out.add(mobile());
        }
        for (int i = 0; i < 8; i++) {
            out.add(replyQuoted());
            out.add(forwardInline());
            out.add(household());
        }
        for (int i = 0; i < 4; i++) {
            out.add(teamsWithBsn());
        }
    }

    private String label() {
        return nl.one("BSN", "BSN:", "Burgerservicenummer:", "burgerservicenummer", "BSN-nummer", "bsn",
                "Burgerservicenr.", "BSN cliënt:", "BSN aanvrager:", "Burger Service Nummer");
    }

    private Kit.Case mail(String category, List<String> bsns, String notes, Draft d, MailWriter.Client c) {
        return kit.positive(category, bsns, notes, () -> kit.writer.write(d, c));
    }

    private Kit.Case bodyPlain() {
        Dutch.Resident r = nl.resident();
        Draft.Person me = kit.me();
        Draft.Person to = kit.partner();
        MailWriter.Client c = kit.client();
        String subject = nl.one("Aanmelding ", "Overdracht ", "Gegevens ", "Vraag over ", "Doorverwijzing ")
                + r.sortName();
        String text = "Hoi " + to.name().split(" ")[0] + ",\n\n" + letters.neutral() + "\n\n"
                + "Naam: " + r.fullName() + "\nGeboortedatum: " + r.born() + "\n" + label() + " " + r.bsn()
                + "\nAdres: " + r.address() + ", " + r.postcode() + " " + r.city() + "\n\n"
                + nl.one("Zij heeft al een indicatie lopen tot eind dit jaar.", "Hij is bekend bij het wijkteam.",
                "Er loopt ook een aanvraag schuldhulp.", "Graag een intakegesprek inplannen.")
                + "\n\n" + nl.closing(me);
        return mail("body-plain", List.of(r.bsn()), "BSN in plain body text", kit.draft(me, to, subject, c).text(text), c);
    }

    private Kit.Case grouped(String style) {
        Dutch.Resident r = nl.resident();
        Draft.Person me = kit.me();
        Draft.Person to = kit.partner();
        MailWriter.Client c = kit.client();
        String num = Kit.group(r.bsn(), style);
        String text = switch (kit.random.nextInt(4)) {
            case 0 -> "Goedemorgen,\n\nVoor de toewijzing heb ik nog het BSN nodig, dat is " + num + " (" + r.formal()
                    + ", geboren " + r.born() + ").\n\n" + nl.closing(me);
            case 1 -> nl.greeting(r) + "\n\nWij hebben uw gegevens als volgt geregistreerd:\n\n  " + r.fullName()
                    + "\n  " + r.address() + "\n  " + r.postcode() + "  " + r.city() + "\n  " + label() + " " + num
                    + "\n\nKlopt dit niet, neem dan contact met ons op.\n\n" + nl.signature(me, kit.team());
            case 2 -> "Collega,\n\nKun je " + r.formal() + " (bsn " + num + ") inplannen voor een keukentafelgesprek? "
                    + "Ze is telefonisch bereikbaar op " + r.mobile() + ".\n\nDank!\n" + me.name().split(" ")[0];
            default -> "Hallo,\n\n" + letters.neutral() + " Het gaat om " + r.fullName() + ", "
                    + nl.one("burgerservicenummer ", "BSN nr ", "met BSN ", "sofinummer/BSN ") + num + ".\n\n"
                    + nl.closing(me);
        };
        String subject = nl.one("Toewijzing", "Keukentafelgesprek", "Registratie", "Aanvulling dossier", "RE: cliënt")
                + " " + r.last();
        return mail("group-" + style, List.of(r.bsn()), "BSN written " + num.replaceAll("[0-9]", "d"),
                kit.draft(me, to, subject, c).text(text), c);
    }

    private Kit.Case noKeyword() {
        Dutch.Resident r = nl.resident();
        Draft.Person me = kit.me();
        Draft.Person to = kit.partner();
        MailWriter.Client c = MailWriter.Client.OUTLOOK;
        String text = "Hoi,\n\nHierbij de cliënt voor de wachtlijst:\n\n" + r.sortName() + "\t" + r.born() + "\t"
                + kit.anyGroup(r.bsn()) + "\t" + r.address() + " " + r.city() + "\n\nGroet,\n" + me.name();
        return mail("body-no-keyword", List.of(r.bsn()), "name, birth date and number in one line, no keyword",
                kit.draft(me, to, "Wachtlijst dagbesteding", c).text(text), c);
    }

    private Kit.Case droppedZero() {
        String bsn = ElfProef.validLeadingZero(kit.random);
        Dutch.Resident r = nl.resident(bsn);
        Draft.Person me = kit.me();
        Draft.Person to = kit.partner();
        MailWriter.Client c = kit.client();
        String text = "Beste " + to.name().split(" ")[0] + ",\n\nIk heb het uit de Excel-lijst gehaald: "
                + r.formal() + ", " + nl.one("BSN ", "bsn: ", "burgerservicenummer ") + bsn.substring(1)
                + ", geboren " + r.born() + ".\n\n" + nl.closing(me);
        return mail("body-dropped-zero", List.of(bsn), "8 digits: leading zero dropped by a spreadsheet",
                kit.draft(me, to, "Gegevens " + r.last(), c).text(text), c);
    }

    private String outlookHtml(String inner) {
        return "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta http-equiv=\"Content-Type\" "
                + "content=\"text/html; charset=utf-8\"><style><!-- p.MsoNormal {margin:0cm;font-size:11.0pt;"
                + "font-family:\"Calibri\",sans-serif;} --></style></head><body lang=\"NL\" link=\"#0563C1\">"
                + "<div class=\"WordSection1\">" + inner + "</div></body></html>";
    }

    private String p(String s) {
        return "<p class=\"MsoNormal\">" + s + "<o:p></o:p></p>\n";
    }

    private Kit.Case htmlMarkup() {
        Dutch.Resident r = nl.resident();
        String b = r.bsn();
        String split = switch (kit.random.nextInt(4)) {
            case 0 -> "<span style=\"color:#1F497D\">" + b.substring(0, 4) + "</span><span style=\"color:#1F497D\">"
                    + b.substring(4) + "</span>";
            case 1 -> b.substring(0, 3) + "<b></b>" + b.substring(3, 6) + "<span lang=\"EN-US\">" + b.substring(6) + "</span>";
            case 2 -> "<font face=\"Arial\">" + b.substring(0, 2) + "</font><font face=\"Arial\" size=\"2\">"
                    + b.substring(2, 7) + "</font><font face=\"Arial\">" + b.substring(7) + "</font>";
            default -> "<span>" + b.substring(0, 3) + "</span> <span>" + b.substring(3, 6) + "</span> <span>"
                    + b.substring(6) + "</span>";
        };
        Draft.Person me = kit.me();
        Draft.Person to = kit.partner();
        String html = outlookHtml(p("Beste " + to.name().split(" ")[0] + ",") + p("&nbsp;")
                + p("Hierbij de gegevens van " + r.formal() + " voor de aanmelding.") + p("BSN: " + split)
                + p("Geboortedatum: " + r.born()) + p("&nbsp;") + p("Met vriendelijke groet,") + p(me.name()));
        Draft d = kit.draft(me, to, "Aanmelding " + r.last(), MailWriter.Client.OUTLOOK).html(html);
        return mail("html-markup", List.of(b), "HTML-only body, markup between the digits", d, MailWriter.Client.OUTLOOK);
    }

    private Kit.Case htmlEntities() {
        Dutch.Resident r = nl.resident();
        StringBuilder enc = new StringBuilder();
        boolean hex = kit.random.nextBoolean();
        for (int i = 0; i < 9; i++) {
            char ch = r.bsn().charAt(i);
            enc.append(hex ? "&#x3" + ch + ";" : "&#" + (int) ch + ";");
            if ((i == 2 || i == 5) && kit.random.nextBoolean()) {
                enc.append("&nbsp;");
            }
        }
        Draft.Person me = kit.me();
        Draft.Person to = kit.partner();
        String html = "<!DOCTYPE html><html><body><p>Geachte heer/mevrouw,</p><p>Cli&euml;nt " + r.fullName()
                + " (burgerservicenummer " + enc + ") is per " + kit.dateNl(kit.when())
                + " ingeschreven.</p><p>Met vriendelijke groet,<br>" + me.name() + "</p></body></html>";
        Draft d = kit.draft(me, to, "Inschrijving " + r.last(), MailWriter.Client.GMAIL).html(html);
        return mail("html-entities", List.of(r.bsn()), "digits written as character references", d, MailWriter.Client.GMAIL);
    }

    private Kit.Case zeroWidth() {
        Dutch.Resident r = nl.resident();
        String zw = nl.one("\u200B", "\u200C", "\u2060", "\uFEFF", "\u00AD");
        String b = r.bsn();
        String hidden = b.substring(0, 3) + zw + b.substring(3, 6) + zw + b.substring(6);
        Draft.Person me = kit.me();
        Draft.Person to = kit.partner();
        boolean html = kit.random.nextBoolean();
        Draft d = kit.draft(me, to, "Gegevens cliënt", html ? MailWriter.Client.GMAIL : MailWriter.Client.THUNDERBIRD);
        String line = "BSN van " + r.formal() + ": " + hidden;
        if (html) {
            d.html("<div dir=\"ltr\"><div>Hoi,</div><div><br></div><div>" + line + "</div><div><br></div><div>Groet, "
                    + me.name() + "</div></div>");
        } else {
            d.text("Hoi,\n\n" + line + "\n\nGroet,\n" + me.name());
        }
        return mail("zero-width", List.of(b), "invisible U+" + Integer.toHexString(zw.charAt(0)).toUpperCase() + " between groups",
                d, html ? MailWriter.Client.GMAIL : MailWriter.Client.THUNDERBIRD);
    }

    private Kit.Case fullWidth() {
        Dutch.Resident r = nl.resident();
        StringBuilder fw = new StringBuilder();
        for (char ch : r.bsn().toCharArray()) {
            fw.append((char) (0xFF10 + (ch - '0')));
        }
        Draft.Person me = kit.me();
        Draft.Person to = kit.partner();
        MailWriter.Client c = nl.one(MailWriter.Client.IPHONE, MailWriter.Client.THUNDERBIRD, MailWriter.Client.GMAIL);
        Draft d = kit.draft(me, to, "Gegevens " + r.last(), c);
        String line = nl.one("BSN: ", "burgerservicenummer ", "BSN nr. ") + fw;
        if (c == MailWriter.Client.GMAIL) {
            d.html("<div dir=\"ltr\">Goedemiddag,<br><br>Zoals gevraagd: " + r.fullName() + ", " + line
                    + "<br><br>Groet,<br>" + me.name() + "</div>");
        } else {
            d.text("Goedemiddag,\n\nZoals gevraagd: " + r.fullName() + ", " + line + "\n\nGroet,\n" + me.name());
        }
        return mail("full-width", List.of(r.bsn()), "full-width digits (copied from a PDF or an IME)", d, c);
    }

    private Kit.Case subjectPlain() {
        Dutch.Resident r = nl.resident();
        Draft.Person me = kit.me();
        Draft.Person to = kit.partner();
        MailWriter.Client c = kit.client();
        String subject = nl.one("Aanvraag bijzondere bijstand - BSN " + kit.anyGroup(r.bsn()),
                "BSN " + r.bsn() + " " + r.last(), r.last() + " / " + r.bsn() + " / herindicatie",
                "Spoed: bsn " + kit.anyGroup(r.bsn()) + " huisuitzetting");
        String text = "Zie onderwerp. " + letters.neutral() + "\n\n" + nl.closing(me);
        return mail("subject-plain", List.of(r.bsn()), "BSN only in the Subject", kit.draft(me, to, subject, c).text(text), c);
    }

    private Kit.Case subjectEncoded() {
        Dutch.Resident r = nl.resident();
        String bsn = r.bsn();
        Draft.Person me = kit.me();
        Draft.Person to = kit.partner();
        MailWriter.Client c = kit.client();
        String subject = nl.one("Cliënt ", "Overdracht cliënt ", "Beëindiging zorg ", "Herindicatie ") + r.last()
                + " – BSN " + kit.anyGroup(bsn);
        Draft d = kit.draft(me, to, subject, c).text(letters.neutral() + "\n\n" + nl.closing(me));
        boolean q = kit.random.nextBoolean();
        int width = nl.one(12, 18, 30, 60);
        d.rawSubject = Mime.encodedWords(subject, q, width);
        return mail("subject-rfc2047", List.of(bsn), "Subject in RFC 2047 encoded-words (" + (q ? "Q" : "B") + ", "
                + width + " bytes a word, the number may be split over two words)", d, c);
    }

    private byte[] smallPdfWithoutBsn(Dutch.Resident r) {
        return new PdfLetter().title("Besluit").heading("Besluit " + nl.one("Wmo", "bijzondere bijstand", "Jeugdwet"))
                .line("Aan: " + r.formal()).line(r.address()).line(r.postcode() + " " + r.city()).line("")
                .paragraph(letters.bijstandReason(kit.when()), 90).render();
    }

    private Kit.Case fileName2231() {
        Dutch.Resident r = nl.resident();
        Draft.Person me = kit.me();
        Draft.Person to = kit.partner();
        MailWriter.Client c = nl.one(MailWriter.Client.THUNDERBIRD, MailWriter.Client.GMAIL, MailWriter.Client.IPHONE);
        String name = nl.one("Besluit cliënt ", "Beschikking_", "Rapportage keukentafelgesprek ", "Overdracht – ")
                + r.last() + nl.one(" ", "_") + kit.anyGroup(r.bsn()) + ".pdf";
        String style = nl.one("2231-force", "2231-split", "2231-split");
        Draft d = kit.draft(me, to, "Stukken " + r.last(), c).text("Hierbij het besluit.\n\n" + nl.closing(me));
        d.attach(new Draft.Part(name, "application/pdf", smallPdfWithoutBsn(r), false, null, style, "base64"));
        return mail("filename-rfc2231", List.of(r.bsn()), "BSN only in the attachment file name (" + style + ")", d, c);
    }

    private Kit.Case fileName2047() {
        Dutch.Resident r = nl.resident();
        Draft.Person me = kit.me();
        Draft.Person to = kit.partner();
        String name = "Verslag cliëntgesprek " + r.bsn() + ".pdf";
        Draft d = kit.draft(me, to, "Verslag", MailWriter.Client.OUTLOOK).text("Zie bijlage.\n\n" + nl.closing(me));
        d.attach(new Draft.Part(name, "application/pdf", smallPdfWithoutBsn(r), false, null, "2047", "base64"));
        return mail("filename-rfc2047", List.of(r.bsn()), "BSN only in an RFC 2047 encoded file name (Outlook)", d,
                MailWriter.Client.OUTLOOK);
    }

    private Kit.Case mobile() {
        Dutch.Resident r = nl.resident();
        Draft.Person me = kit.me();
        Draft.Person to = kit.partner();
        MailWriter.Client c = nl.one(MailWriter.Client.IPHONE, MailWriter.Client.ANDROID);
        String text = "Hoi, ben op huisbezoek. BSN van mw is " + kit.anyGroup(r.bsn()) + ", kun jij de aanvraag "
                + "alvast aanmaken? Dank!\n\n" + (c == MailWriter.Client.IPHONE ? "Verzonden vanaf mijn iPhone"
                : "Verzonden vanaf mijn Samsung Galaxy");
        Draft d = kit.draft(me, to, "Huisbezoek", c);
        if (c == MailWriter.Client.IPHONE) {
            d.html("<html><head><meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\"></head>"
                    + "<body dir=\"auto\">" + text.replace("\n", "<br>") + "</body></html>");
        } else {
            d.text(text);
        }
        return mail("mobile-base64", List.of(r.bsn()), "mobile client, base64 body", d, c);
    }

    private Kit.Case replyQuoted() {
        Dutch.Resident r = nl.resident();
        Draft.Person me = kit.me();
        Draft.Person to = kit.partner();
        boolean outlook = kit.random.nextBoolean();
        String original = "Beste " + me.name().split(" ")[0] + ",\n\nKunnen jullie de indicatie van " + r.formal()
                + " (BSN " + kit.anyGroup(r.bsn()) + ") verlengen? De huidige loopt over twee weken af.\n\n"
                + "Groet,\n" + to.name();
        Draft d;
        if (outlook) {
            d = kit.draft(me, to, "RE: Verlenging indicatie", MailWriter.Client.OUTLOOK);
            d.text("Dag " + to.name().split(" ")[0] + ",\n\nIk heb de verlenging aangevraagd, je hoort het z.s.m.\n\n"
                    + nl.closing(me) + "\n\nVan: " + to.name() + " <" + to.address() + ">\nVerzonden: dinsdag "
                    + kit.dateNl(d.date.minusDays(1)) + " 14:02\nAan: " + me.name() + " <" + me.address()
                    + ">\nOnderwerp: Verlenging indicatie\n\n" + original);
            return mail("reply-quoted", List.of(r.bsn()), "BSN in the quoted original below an Outlook reply", d,
                    MailWriter.Client.OUTLOOK);
        }
        d = kit.draft(me, to, "Re: Verlenging indicatie", MailWriter.Client.THUNDERBIRD);
        d.text("Hoi,\n\nIs geregeld.\n\nOp " + kit.dateNl(d.date.minusDays(2)) + " om 09:41 schreef " + to.name()
                + ":\n> " + original.replace("\n", "\n> ") + "\n\n-- \n" + me.name());
        d.inReplyTo = kit.messageId("wijkteam-centrum.example", "other");
        d.references = d.inReplyTo;
        return mail("reply-quoted", List.of(r.bsn()), "BSN in '>' quoted text of a Thunderbird reply", d,
                MailWriter.Client.THUNDERBIRD);
    }

    private Kit.Case forwardInline() {
        Dutch.Resident r = nl.resident();
        Draft.Person me = kit.me();
        Draft.Person to = kit.partner();
        MailWriter.Client c = nl.one(MailWriter.Client.GMAIL, MailWriter.Client.OUTLOOK);
        String fwd = c == MailWriter.Client.GMAIL
                ? "---------- Forwarded message ---------\nVan: " + r.fullName() + " <" + r.email() + ">\nDate: "
                + kit.dateNl(kit.when()) + "\nSubject: mijn aanvraag\nTo: <info@" + Kit.ORG + ">\n\n"
                : "-----Oorspronkelijk bericht-----\nVan: " + r.email() + "\nVerzonden: " + kit.dateNl(kit.when())
                + "\nAan: Info Werkplein\nOnderwerp: mijn aanvraag\n\n";
        String body = "goedendag, " + letters.helpdesk() + " mijn " + nl.one("bsn is ", "burgerservicenummer: ",
                "BSN nummer ") + kit.anyGroup(r.bsn()) + "\n\nmvg " + r.fullName();
        Draft d = kit.draft(me, to, (c == MailWriter.Client.GMAIL ? "Fwd: " : "FW: ") + "mijn aanvraag", c)
                .text("Ter info, kun jij deze oppakken?\n\n" + fwd + body);
        return mail("forward-inline", List.of(r.bsn()), "resident's mail forwarded inline", d, c);
    }

    private Kit.Case household() {
        Dutch.Resident a = nl.resident();
        Dutch.Resident b = nl.resident();
        List<String> bsns = new ArrayList<>(List.of(a.bsn(), b.bsn()));
        StringBuilder kids = new StringBuilder();
        int n = kit.random.nextInt(3);
        for (int i = 0; i < n; i++) {
            Dutch.Resident k = nl.resident();
            bsns.add(k.bsn());
            kids.append("Kind ").append(i + 1).append(": ").append(k.first()).append(' ').append(a.last()).append(", BSN ")
                    .append(kit.anyGroup(k.bsn())).append('\n');
        }
        Draft.Person me = kit.me();
        Draft.Person to = kit.partner();
        MailWriter.Client c = kit.client();
        String text = "Beste " + to.name().split(" ")[0] + ",\n\nDe samenstelling van het huishouden:\n\n"
                + "Aanvrager: " + a.fullName() + ", BSN " + kit.anyGroup(a.bsn()) + "\nPartner: " + b.first() + " "
                + b.last() + ", BSN " + kit.anyGroup(b.bsn()) + "\n" + kids + "\nDe aanvrager heeft BSN "
                + a.bsn() + " ook op het formulier gezet.\n\n" + nl.closing(me);
        return mail("household", bsns, bsns.size() + " distinct BSNs, the applicant's twice", kit.draft(me, to,
                "Huishoudsamenstelling " + a.last(), c).text(text), c);
    }

    private Kit.Case teamsWithBsn() {
        Dutch.Resident r = nl.resident();
        Draft.Person me = kit.me();
        Draft.Person to = kit.partner();
        String conf = ElfProef.valid(kit.random);
        String text = "Hoi,\n\nWe bespreken " + r.formal() + " (BSN " + r.bsn() + ") in het MDO.\n\n"
                + Meetings.teams(kit, conf) + "\n";
        Draft d = kit.draft(me, to, "MDO " + r.last(), MailWriter.Client.OUTLOOK).text(text);
        return mail("teams-with-bsn", List.of(r.bsn()), "a real BSN plus a 9-digit Teams conference ID (not a BSN)", d,
                MailWriter.Client.OUTLOOK);
    }
}

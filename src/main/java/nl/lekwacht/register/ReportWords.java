package nl.lekwacht.register;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.lekwacht.privacy.BsnMasking;
import nl.lekwacht.register.Choices.DataCategory;
import nl.lekwacht.register.Choices.Group;
import nl.lekwacht.register.Choices.Kind;

/**
 * What a reporter's Dutch (or English) words mention: data categories, the kind of breach, groups of
 * people and a number of people. Word lists, not understanding: it only ever suggests answers, marked
 * derived, that the privacy officer confirms or corrects. Stateless, thread-safe.
 */
final class ReportWords {

    private static final Map<DataCategory, Pattern> CATEGORIES = Map.ofEntries(
            Map.entry(DataCategory.BSN, words("bsn|burgerservicenummers?|sofinummers?|citizen service number")),
            Map.entry(DataCategory.IBAN, words("iban|rekeningnummers?|bankrekening\\w*|bank account")),
            Map.entry(DataCategory.FINANCIAL, words("uitkering\\w*|bijstand\\w*|toeslag\\w*|inkomen\\w*|"
                    + "salaris\\w*|loonstro\\w+|schuld\\w*|financi\\w+|belasting\\w*|aanslag\\w*|betaling\\w*|"
                    + "bedrag\\w*|benefits?|income|debts?|salary|wage\\w*")),
            Map.entry(DataCategory.IDENTITY_DOCUMENT, words("paspoort\\w*|identiteitskaart\\w*|id-kaart\\w*|"
                    + "identiteitsbewijs\\w*|rijbewijs\\w*|passport|identity card|driving licen[cs]e")),
            Map.entry(DataCategory.NAME, words("naam|namen|achternaam\\w*|voornaam\\w*|names?")),
            Map.entry(DataCategory.CONTACT, words("adres(sen)?|huisadres\\w*|woonadres\\w*|telefoon\\w*|"
                    + "geboortedatum\\w*|address(es)?|phone|date of birth")),
            Map.entry(DataCategory.EMAIL_ADDRESS, words("e-?mailadres(sen)?|mailadres(sen)?|e-?mail address(es)?")),
            Map.entry(DataCategory.LOCATION, words("locatie\\w*|gps|verblijfplaats\\w*|location")),
            Map.entry(DataCategory.HEALTH, words("medisch\\w*|gezondheid\\w*|ziekte\\w*|diagnose\\w*|"
                    + "jeugdzorg|thuiszorg|zorg(verlen|dossier|indicatie|aanbied)\\w*|wmo|ggz|huisarts\\w*|"
                    + "ziekenhuis\\w*|arbo\\w*|verzuim\\w*|ziekmelding\\w*|indicatie\\w*|"
                    + "health|medical|illness")),
            Map.entry(DataCategory.RELIGION, words("religie\\w*|geloof\\w*|levensovertuiging\\w*|kerk\\w*|"
                    + "moskee\\w*|religion")),
            Map.entry(DataCategory.ETHNICITY, words("etnisch\\w*|afkomst|nationaliteit\\w*|ethnic\\w*")),
            Map.entry(DataCategory.POLITICS, words("politiek\\w*|partijlid\\w*|political")),
            Map.entry(DataCategory.UNION, words("vakbond\\w*|trade union")),
            Map.entry(DataCategory.GENETIC, words("genetisch\\w*|dna|genetic")),
            Map.entry(DataCategory.BIOMETRIC, words("biometrisch\\w*|vingerafdruk\\w*|gezichtsherkenning|"
                    + "biometric|fingerprints?")),
            Map.entry(DataCategory.SEXUAL_ORIENTATION, words("seksue\\w*|geaardheid|sexual\\w*")),
            Map.entry(DataCategory.CRIMINAL, words("strafblad\\w*|strafrecht\\w*|veroordeling\\w*|justitie\\w*|"
                    + "politie\\w*|proces-verbaal|criminal")));

    private static final Pattern HACK = words("hack\\w*|gehackt|phishing\\w*|ransomware\\w*|malware\\w*|virus\\w*|"
            + "inbraak|ingebroken|gestolen wachtwoord\\w*|overgenomen account\\w*");
    private static final Pattern DEVICE = words("laptop\\w*|telefoon\\w*|smartphone\\w*|usb\\w*|stick\\w*|"
            + "tablet\\w*|schijf|harde schijf|dossier\\w*|map|tas|phone|memory stick");
    private static final Pattern GONE = words("kwijt\\w*|verloren|gestolen|vergeten|zoekgeraakt|lost|stolen");
    private static final Pattern VISIBLE = words("cc|aan/cc|bcc|elkaars e-?mailadres(sen)?|"
            + "alle (e-?mail)?adressen zichtbaar|zichtbaar voor (alle )?ontvangers");
    private static final Pattern ATTACHMENT = words("(verkeerde|andere|foute) bijlage\\w*|bijlage\\w* "
            + "(van|over|met gegevens van) (iemand anders|een ander\\w*)|wrong attachment");
    private static final Pattern LETTER = words("brief|brieven|poststuk\\w*|envelop\\w*|post|letter|envelope");
    private static final Pattern MAIL = words("e-?mail\\w*|mail(de|tje)?|gemaild|bericht|berichtenbox");
    private static final Pattern WRONG = words("verkeerd\\w*|fout\\w*|andere ontvanger|per ongeluk|"
            + "niet voor mij|wrong|by mistake");
    private static final Map<Group, Pattern> GROUPS = Map.of(
            Group.EMPLOYEES, words("medewerker\\w*|collega\\w*|personeel\\w*|sollicitant\\w*|employees?|staff"),
            Group.MINORS, words("kind|kinderen|minderjarig\\w*|leerling\\w*|jeugd\\w*|children|minors?"),
            Group.CLIENTS, words("cli[eë]nt\\w*|klant\\w*|aanvrager\\w*|clients?"),
            Group.VULNERABLE, words("kwetsba\\w+|schuldhulp\\w*|beschermd wonen|daklo\\w+|vulnerable"));
    private static final Pattern COUNT = Pattern.compile("(\\d{1,7})\\s*(personen|mensen|inwoners|burgers|"
            + "cli[eë]nten|klanten|ontvangers|betrokkenen|leerlingen|medewerkers|adressen|dossiers|people|persons)");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,7}");

    private static final Pattern HOME_CONTACT = words("huisadres\\w*|woonadres\\w*|postadres\\w*|telefoon\\w*|"
            + "geboortedatum\\w*|home address(es)?|phone");

    private static Pattern words(String alternatives) {
        return Pattern.compile("(?<![\\p{L}\\d])(" + alternatives + ")(?![\\p{L}\\d])", Pattern.CASE_INSENSITIVE
                | Pattern.UNICODE_CASE);
    }

    /** The data categories the words mention; a valid BSN typed in counts as a BSN. */
    Set<DataCategory> categories(String text) {
        Set<DataCategory> found = EnumSet.noneOf(DataCategory.class);
        CATEGORIES.forEach((category, pattern) -> {
            if (pattern.matcher(text).find()) {
                found.add(category);
            }
        });
        if (!BsnMasking.mask(text).equals(text)) {
            found.add(DataCategory.BSN);
        }
        return found;
    }

    /** The kind of breach the words describe, when they describe one. */
    Optional<Kind> kind(String text) {
        if (HACK.matcher(text).find()) {
            return Optional.of(Kind.HACK);
        }
        if (DEVICE.matcher(text).find() && GONE.matcher(text).find()) {
            return Optional.of(Kind.LOST_DEVICE);
        }
        if (VISIBLE.matcher(text).find()) {
            return Optional.of(Kind.VISIBLE_RECIPIENTS);
        }
        if (ATTACHMENT.matcher(text).find()) {
            return Optional.of(Kind.WRONG_ATTACHMENT);
        }
        if (WRONG.matcher(text).find() || text.toLowerCase(Locale.ROOT).contains("iemand anders")) {
            if (LETTER.matcher(text).find()) {
                return Optional.of(Kind.LETTER_WRONG_ADDRESS);
            }
            if (MAIL.matcher(text).find()) {
                return Optional.of(Kind.WRONG_RECIPIENT);
            }
        }
        return Optional.empty();
    }

    /** True when the words name a home address, phone number or date of birth, not just "addresses". */
    boolean homeContact(String text) {
        return HOME_CONTACT.matcher(text).find();
    }

    /** True when the words speak of a letter or post rather than e-mail. */
    boolean aboutPost(String text) {
        return LETTER.matcher(text).find() && !MAIL.matcher(text).find();
    }

    Set<Group> groups(String text) {
        Set<Group> found = EnumSet.noneOf(Group.class);
        GROUPS.forEach((group, pattern) -> {
            if (pattern.matcher(text).find()) {
                found.add(group);
            }
        });
        return found;
    }

    /** "12 inwoners", "about 300 people": the number of people the words name, or a bare number alone. */
    OptionalInt people(String text) {
        Matcher counted = COUNT.matcher(text.toLowerCase(Locale.ROOT));
        if (counted.find()) {
            return OptionalInt.of(Integer.parseInt(counted.group(1)));
        }
        Matcher bare = NUMBER.matcher(text.strip());
        return bare.matches() ? OptionalInt.of(Integer.parseInt(bare.group())) : OptionalInt.empty();
    }
}

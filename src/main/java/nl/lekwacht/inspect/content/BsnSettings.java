package nl.lekwacht.inspect.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.lekwacht.config.source.ConfigNode;

/**
 * Settings of the BSN detector, section {@code detectors.bsn}.
 *
 * @param enabled       whether the detector runs
 * @param proximity     a BSN keyword within this many characters makes a valid number a HIGH finding
 * @param labelReach    how far back on the same line a label ({@code BSN:}, {@code klantnummer:}) names a number
 * @param minListSize   a list or column needs at least this many distinct valid numbers for a MEDIUM finding
 * @param minValidShare ... and at least this share of its numbers must pass the 11-proef
 * @param listGap       numbers further apart than this many characters belong to different lists
 * @param minBareColumn a list or column that does not look like people (no names, dates of birth, addresses
 *                      or such headings) needs at least this many distinct valid numbers for a MEDIUM finding
 * @param keywords      words that mark a number as a BSN (Purview's list and Dutch variants, plus
 *                      {@code extra-keywords}); a term ending in {@code *} is a prefix
 * @param otherLabels   words that mark a number as another kind of number (plus {@code extra-labels})
 * @param ignore        numbers never reported (test numbers, numbers printed on every form)
 */
public record BsnSettings(boolean enabled, int proximity, int labelReach, int minListSize, double minValidShare,
                          int listGap, int minBareColumn, List<String> keywords, List<String> otherLabels, Set<Integer> ignore) {

    /**
     * Microsoft Purview's keywords for the Netherlands citizen's service number, with Dutch spellings
     * added. Bare {@code persoonsgebonden} (Purview's) is left out on purpose: in a municipality it
     * mostly means the persoonsgebonden budget (pgb); {@code persoonsgebonden nummer} is kept.
     */
    public static final List<String> DEFAULT_KEYWORDS = List.of(
            "bsn*", "burgerservicenummer*", "burgerservicenr*", "burger service nummer*", "burger-servicenummer*",
            "citizen service number*", "citizen's service number*", "citizen service no*",
            "person number", "personal number", "personal numeric code", "person-related number",
            "persoonlijk nummer", "persoonlijke numerieke code", "persoonsgebonden nummer", "persoonsnummer*",
            "sociaal-fiscaal nummer", "sociaal fiscaal nummer", "social-fiscal number", "sofi", "sofinummer*",
            "sofi-nummer*", "sofinr*", "uniek identificatienummer", "uniek identiteitsnummer",
            "unique identification number", "unique identity number", "uniqueidentityno*");

    /**
     * Labels of numbers that look like a BSN but are something else. Dutch compounds ending in
     * {@code nummer} or {@code nr} need no entry ({@link CompoundNumberWords}).
     */
    public static final List<String> DEFAULT_LABELS = List.of(
            "klantnummer*", "klantnr*", "klant-nr*", "klant nr*", "relatienummer*", "relatienr*", "debiteur*",
            "crediteur*", "kvk*", "kamer van koophandel*", "handelsregister*", "factuur*", "invoice*", "order*",
            "bestelnummer*", "bestelnr*", "dossier*", "zaaknummer*", "zaaknr*", "kenmerk*", "referentie*", "ref",
            "telefoon*", "tel", "telnr*", "mobiel*", "fax*", "gsm*", "phone*", "rekening*", "bankrekening*",
            "iban*", "account*", "btw*", "vat*", "postbus*", "polis*", "contractnummer*", "paspoortnummer*",
            "documentnummer*", "rijbewijsnummer*", "registratienummer*", "aanvraagnummer*", "volgnummer*",
            "ticket*", "personeelsnummer*", "medewerkernummer*", "studentnummer*", "leerlingnummer*", "agb*",
            "big-nummer*", "big-registratie*", "ean*", "artikelnummer*", "customer*", "zending*", "pakket*",
            "betalingskenmerk*", "betaalkenmerk*", "betalingsreferentie*", "machtiging*", "mandaat*", "incasso*",
            "transactie*", "beschikkingsnummer*", "beschikkingnummer*", "cjib*", "rsin*", "fiscaal nummer*",
            "artikelnr*", "art.nr*", "isbn*", "ritnummer*", "rit", "ritnr*", "melding*", "meldnummer*",
            "toewijzing*", "aanbieder*", "agb-code*", "conference id*", "conferentie-id*", "vergadering-id*",
            "vergaderings-id*", "meeting id*", "meeting-id*", "webinar-id*", "webinar id*", "toegangscode*",
            "pincode*", "inbel*", "dial-in*", "access code*", "passcode*", "vergadernummer*", "boekingsnummer*",
            "reserveringsnummer*", "serienummer*", "serial*", "licentie*", "kenteken*", "meterstand*",
            "meternummer*", "ean-code*", "aansluitnummer*", "klantreferentie*", "bestelling*",
            "verzekerdennummer*", "polisnummer*", "uw kenmerk*", "ons kenmerk*", "volgnr*", "regelnummer*",
            "rekeningnummer*", "ordernr*", "trackingnummer*", "track*", "barcode*", "ticketnummer*",
            "offerte*", "quotation*", "inkooporder*", "werkorder*", "purchase order*", "inventaris*", "asset*",
            "apparaat*", "device*", "imei*", "case number*", "case no*", "case id*", "case ref*", "reference*",
            "article number*", "article no*", "item number*", "part number*", "sku");

    public BsnSettings {
        keywords = List.copyOf(keywords);
        otherLabels = List.copyOf(otherLabels);
        ignore = Set.copyOf(ignore);
    }

    public static BsnSettings defaults() {
        return new BsnSettings(true, 300, 40, 3, 0.8, 200, 10, DEFAULT_KEYWORDS, DEFAULT_LABELS, Set.of());
    }

    /** Reads {@code detectors.bsn}; every problem is recorded on the node with its key. */
    public static BsnSettings read(ConfigNode node) {
        node.rejectUnknownKeys(Set.of("enabled", "proximity", "label-reach", "min-list-size", "min-valid-share",
                "list-gap", "min-bare-column", "extra-keywords", "extra-labels", "ignore"));
        List<String> keywords = new ArrayList<>(DEFAULT_KEYWORDS);
        keywords.addAll(node.strings("extra-keywords", List.of()));
        List<String> labels = new ArrayList<>(DEFAULT_LABELS);
        labels.addAll(node.strings("extra-labels", List.of()));
        return new BsnSettings(node.bool("enabled", true), node.integer("proximity", 300, 0, 10_000),
                node.integer("label-reach", 40, 0, 200), node.integer("min-list-size", 3, 2, 1000),
                node.decimal("min-valid-share", 0.8, 0.0, 1.0), node.integer("list-gap", 200, 1, 10_000),
                node.integer("min-bare-column", 10, 2, 100_000),
                keywords, labels, ignored(node));
    }

    private static Set<Integer> ignored(ConfigNode node) {
        Set<Integer> ignore = new HashSet<>();
        List<String> numbers = node.strings("ignore", List.of());
        for (int i = 0; i < numbers.size(); i++) {
            String digits = numbers.get(i).replaceAll("[\\s.\\-]", "");
            if (!digits.matches("\\d{8,9}")) {
                // never echo the value: it may be somebody's BSN
                node.problem("ignore[" + i + "]", "expected a number of 8 or 9 digits");
                continue;
            }
            ignore.add(Integer.parseInt(digits));
        }
        return ignore;
    }

    /** Shows how many numbers are ignored, never which. */
    @Override
    public String toString() {
        return "BsnSettings[enabled=" + enabled + ", proximity=" + proximity + ", labelReach=" + labelReach
                + ", minListSize=" + minListSize + ", minValidShare=" + minValidShare + ", listGap=" + listGap + ", minBareColumn=" + minBareColumn
                + ", keywords=" + keywords.size() + ", otherLabels=" + otherLabels.size() + ", ignore="
                + ignore.size() + " numbers]";
    }
}

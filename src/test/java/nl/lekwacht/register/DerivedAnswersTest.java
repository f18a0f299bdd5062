package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import nl.lekwacht.config.OrganisationConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The AP form's derived answers for reports (residents, staff) and messages (findings), side by side:
 * input -> kind of breach, data categories, ENISA band, and the suggestions to report to the AP and
 * to inform the people. One row per case; the reasoning of each band is in the row's comment.
 */
class DerivedAnswersTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private static final FormDerivation FORM = new FormDerivation(new OrganisationConfig(List.of("gemeente.example"),
            OrganisationConfig.DEFAULT_CONSUMER_DOMAINS, List.of("partner.example")), 72, new SeverityEstimate());
    private static final ReportDerivation REPORTS = new ReportDerivation(FORM);
    private static final SeverityEstimate ENISA = new SeverityEstimate();

    record Case(String name, Function<Instant, Answers> input, String kind, Set<String> categories, Level band,
                boolean report, boolean inform) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // DPC 3 (BSN, benefit) x EI 1 (BSN, name) + CB 0.5 (a stranger) = 3.5
                new Case("resident: a misdelivered letter with a BSN and benefit data", at -> resident(
                        "Ik kreeg een brief over de bijstandsuitkering van mijn buurman, met zijn burgerservicenummer "
                                + RegisterFixture.bsn(7) + " erin.", "", true, false, false, at),
                        "LETTER_WRONG_ADDRESS", Set.of("BSN", "FINANCIAL", "NAME", "CONTACT"), Level.HIGH, true, true),
                // DPC 4 (health) x EI 1 (name) + CB 0.5 = 4.5
                new Case("resident: someone else's medical result by e-mail", at -> resident(
                        "Ik ontving een e-mail met de uitslag van een medisch onderzoek van iemand anders.", "",
                        false, true, false, at), "WRONG_RECIPIENT", Set.of("HEALTH", "NAME"), Level.VERY_HIGH, true,
                        true),
                // DPC 1 x EI 1 (name) + CB 0.5 = 1.5
                new Case("resident: own name and address on a letter to the neighbour", at -> resident(
                        "Mijn buurvrouw kreeg een brief met mijn naam.", "naam en adres", false, false, true, at),
                        "LETTER_WRONG_ADDRESS", Set.of("NAME", "CONTACT"), Level.LOW, false, false),
                // DPC 3 (debts) x EI 1 (names) + CB 0.5 (unknown) = 3.5
                new Case("staff: a laptop with debt counselling files lost on the train", at -> staff(
                        "Laptop met dossiers van cliënten van de schuldhulpverlening in de trein laten liggen, kwijt.",
                        "namen, adressen en schulden", "", "", false, OptionalInt.of(40), at),
                        "LOST_DEVICE", Set.of("NAME", "CONTACT", "FINANCIAL"), Level.HIGH, true, true),
                // DPC 1 + 1 (250 people) x EI 0.75 + CB 0.5 (private mailboxes) = 2.0
                new Case("staff: 250 residents' addresses in cc", at -> staff(
                        "Uitnodiging voor de informatieavond aan 250 inwoners gestuurd met alle adressen in cc.",
                        "e-mailadressen", "de inwoners zelf, veel gmail en hotmail", "", false, OptionalInt.empty(),
                        at), "VISIBLE_RECIPIENTS", Set.of("EMAIL_ADDRESS"), Level.MEDIUM, true, false),
                // DPC 3 (BSN) x EI 1 + CB 0.5 + 0.5 (malicious) = 4.0
                new Case("staff: phishing opened a mailbox with BSNs", at -> staff(
                        "Een medewerker heeft na een phishingmail zijn inloggegevens ingevuld; in de mailbox staan "
                                + "aanvragen met BSN.", "", "", "", false, OptionalInt.empty(), at),
                        "HACK", Set.of("BSN"), Level.VERY_HIGH, true, true),
                // DPC 1 x EI 1 (names) + CB 0 (inside) = 1.0
                new Case("staff: a list with names mailed to a colleague by mistake, deleted", at -> staff(
                        "Een overzicht met namen per ongeluk naar een collega van een andere afdeling gemaild.", "",
                        "een collega, intern", "Collega gevraagd het te verwijderen.", true, OptionalInt.empty(), at),
                        "WRONG_RECIPIENT", Set.of("NAME"), Level.LOW, false, false),
                // DPC 3 (BSN) x EI 1 + CB 0.5 (private mailbox) = 3.5
                new Case("message: a BSN to a private mailbox", at -> FORM.derive(message("gmail.com",
                        fact("BSN", 1, "")), Origin.MONITOR, at), "OTHER", Set.of("BSN"), Level.HIGH, true, true),
                // DPC 1 x EI 0.75 + CB 0.5 = 1.25
                new Case("message: twelve visible addresses", at -> FORM.derive(message("gmail.com",
                        fact("VISIBLE_RECIPIENTS", 12, "")), Origin.MONITOR, at), "VISIBLE_RECIPIENTS",
                        Set.of("EMAIL_ADDRESS"), Level.LOW, false, false),
                // DPC 4 (health) x EI 0.75 + CB 0.5 (unknown recipient) = 3.5
                new Case("message: health data to a look-alike address", at -> FORM.derive(message("gemeente-example.nl",
                        fact("SPECIAL_CATEGORY", 1, "health"), fact("MISDIRECTED_RECIPIENT", 1, "")),
                        Origin.SENDER_REPORT, at), "WRONG_RECIPIENT", Set.of("HEALTH"), Level.HIGH, true, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void derivesKindCategoriesBandAndSuggestions(Case c) {
        Answers answers = c.input().apply(NOW);
        Assessment assessment = ENISA.assess(answers);
        assertThat(answers.get(Field.KIND)).as("kind").isEqualTo(c.kind());
        assertThat(answers.isDerived(Field.KIND)).as("kind marked derived").isTrue();
        assertThat(Set.copyOf(answers.list(Field.DATA_CATEGORIES))).as("categories").isEqualTo(c.categories());
        assertThat(assessment.level()).as("ENISA band").isEqualTo(c.band());
        assertThat(answers.get(Field.SEVERITY)).as("severity answer").isEqualTo(c.band().name());
        assertThat(assessment.reportSuggested()).as("suggest reporting to the AP").isEqualTo(c.report());
        assertThat(assessment.informSuggested()).as("suggest informing the people").isEqualTo(c.inform());
        assertThat(answers.get(Field.DEADLINE_AT)).as("deadline 72 h after discovery")
                .isEqualTo(NOW.plusSeconds(72 * 3600).toString());
        assertThat(answers.values().values()).as("no full BSN in any answer")
                .noneMatch(v -> v.contains(RegisterFixture.bsn(7)));
    }

    private static Answers resident(String what, String which, boolean post, boolean others, boolean own, Instant at) {
        return REPORTS.derive(new ReportFacts(Origin.RESIDENT, what, which, "", post, others, own, false, false,
                OptionalInt.empty(), ""), at);
    }

    private static Answers staff(String what, String which, String recipients, String done, boolean back,
                                 OptionalInt people, Instant at) {
        return REPORTS.derive(new ReportFacts(Origin.STAFF, what, which, recipients, false, false, false, false, back,
                people, done), at);
    }

    private static MessageFacts message(String domain, MessageFacts.FindingFact... findings) {
        return new MessageFacts("Q1", "", "<m1@gemeente.example>", "a.jansen@gemeente.example", "Uw aanvraag",
                List.of(domain), 1, List.of(findings), NOW.minusSeconds(600));
    }

    private static MessageFacts.FindingFact fact(String code, int count, String category) {
        return new MessageFacts.FindingFact(code, "HIGH", "body", count, List.of(), category);
    }
}

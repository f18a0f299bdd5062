package nl.lekwacht.register;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.lekwacht.config.OrganisationConfig;
import nl.lekwacht.register.Choices.DataCategory;
import nl.lekwacht.register.Choices.Exposure;
import nl.lekwacht.register.Choices.Group;
import nl.lekwacht.register.Choices.Kind;
import nl.lekwacht.register.Choices.Nature;
import nl.lekwacht.register.MessageFacts.FindingFact;

/**
 * Fills the AP form from what Lekwacht knows about a delivered message, every answer marked derived:
 * kind, summary, timeline (discovered now, deadline = discovered + the configured hours), nature,
 * data categories, record and people counts, groups, the recipients' domains and who they are, and
 * the severity from {@link SeverityEstimate}. Stateless.
 */
public final class FormDerivation {

    /** Findings that count personal data items (records); recipient findings count addresses. */
    private static final Set<String> RECORD_CODES = Set.of("BSN", "IBAN", "SPECIAL_CATEGORY");

    private final OrganisationConfig organisation;
    private final Duration deadline;
    private final SeverityEstimate severity;

    public FormDerivation(OrganisationConfig organisation, int deadlineHours, SeverityEstimate severity) {
        this.organisation = organisation;
        this.deadline = Duration.ofHours(deadlineHours);
        this.severity = severity;
    }

    public Duration deadlineAfterDiscovery() {
        return deadline;
    }

    public Answers derive(MessageFacts facts, Origin origin, Instant discovered) {
        Set<String> codes = Set.copyOf(facts.codes());
        Answers a = Answers.empty()
                .withDerived(Field.KIND, kind(codes).name())
                .withDerived(Field.SUMMARY, summary(facts, origin))
                .withDerived(Field.STARTED_AT, facts.sentAt().toString())
                .withDerived(Field.ENDED_AT, facts.sentAt().toString())
                .withDerived(Field.DISCOVERED_AT, discovered.toString())
                .withDerived(Field.DEADLINE_AT, discovered.plus(deadline).toString())
                .withDerived(Field.NATURE, Nature.CONFIDENTIALITY.name())
                .withDerived(Field.DATA_CATEGORIES, join(categories(facts)))
                .withDerived(Field.RECIPIENT_DOMAINS, String.join(", ", facts.recipientDomains()))
                .withDerived(Field.RECIPIENT_EXPOSURE, exposure(facts.recipientDomains()).name());
        int records = facts.findings().stream().filter(f -> RECORD_CODES.contains(f.code()))
                .mapToInt(FindingFact::count).sum();
        if (records > 0) {
            a = a.withDerived(Field.RECORDS_COUNT, Integer.toString(records));
        }
        int people = people(facts);
        a = a.withDerived(Field.PEOPLE_MIN, Integer.toString(people)).withDerived(Field.PEOPLE_MAX,
                Integer.toString(people));
        if (codes.contains("BSN") || codes.contains("VISIBLE_RECIPIENTS")) {
            a = a.withDerived(Field.GROUPS, Group.RESIDENTS.name());
        }
        return withSeverity(a);
    }

    /** Sets the severity answer from the ENISA estimate, unless a person already answered it. */
    public Answers withSeverity(Answers answers) {
        if (!answers.get(Field.SEVERITY).isEmpty() && !answers.isDerived(Field.SEVERITY)) {
            return answers;
        }
        return answers.withDerived(Field.SEVERITY, severity.assess(answers).level().name());
    }

    static Kind kind(Set<String> codes) {
        if (codes.contains("VISIBLE_RECIPIENTS")) {
            return Kind.VISIBLE_RECIPIENTS;
        }
        if (codes.contains("MISDIRECTED_RECIPIENT")) {
            return Kind.WRONG_RECIPIENT;
        }
        return Kind.OTHER;
    }

    /** Dutch words for the summary, which the register keeps in Dutch and the AP form takes as it is. */
    private static final Map<String, String> FINDING_WORDS = Map.of(
            "BSN", "een BSN", "IBAN", "een IBAN", "SPECIAL_CATEGORY", "bijzondere persoonsgegevens",
            "VISIBLE_RECIPIENTS", "zichtbare ontvangers", "MISDIRECTED_RECIPIENT", "een mogelijk verkeerde ontvanger",
            "NEW_RECIPIENT_WITH_PERSONAL_DATA", "persoonsgegevens aan een nieuwe ontvanger",
            "UNINSPECTABLE_ATTACHMENT", "een niet te controleren bijlage");
    private static final Map<Origin, String> ORIGIN_WORDS = Map.of(
            Origin.MONITOR, "doorgelaten volgens het beleid (monitor)",
            Origin.FAIL_OPEN, "doorgelaten omdat de controle mislukte",
            Origin.FALLBACK, "doorgelaten omdat de afzender niet te vragen was",
            Origin.OVERRIDE, "toch verzonden door de afzender",
            Origin.SENDER_REPORT, "gemeld door de afzender");

    private static String summary(MessageFacts facts, Origin origin) {
        List<String> found = facts.codes().stream().map(c -> FINDING_WORDS.getOrDefault(c, c)).toList();
        return "E-mail met " + String.join(", ", found) + " verstuurd aan " + facts.recipientCount()
                + " ontvanger(s) (" + String.join(", ", facts.recipientDomains()) + "); "
                + ORIGIN_WORDS.getOrDefault(origin, origin.name().toLowerCase(Locale.ROOT)) + "; queue "
                + facts.queueId();
    }

    static Set<DataCategory> categories(MessageFacts facts) {
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        for (FindingFact f : facts.findings()) {
            switch (f.code()) {
                case "BSN" -> categories.add(DataCategory.BSN);
                case "IBAN" -> categories.add(DataCategory.IBAN);
                case "VISIBLE_RECIPIENTS" -> categories.add(DataCategory.EMAIL_ADDRESS);
                case "SPECIAL_CATEGORY" -> {
                    for (String name : f.category().split(",")) {
                        try {
                            categories.add(DataCategory.valueOf(name.strip().toUpperCase(Locale.ROOT)
                                    .replace('-', '_')));
                        } catch (IllegalArgumentException e) {
                            categories.add(DataCategory.OTHER_GENERAL);
                        }
                    }
                }
                default -> {
                }
            }
        }
        if (categories.isEmpty()) {
            categories.add(DataCategory.OTHER_GENERAL);
        }
        return categories;
    }

    /** The people the data is about: distinct BSNs or IBANs, exposed addresses; at least one. */
    static int people(MessageFacts facts) {
        return Math.max(1, facts.findings().stream()
                .filter(f -> List.of("BSN", "IBAN", "VISIBLE_RECIPIENTS").contains(f.code()))
                .mapToInt(FindingFact::count).max().orElse(1));
    }

    Exposure exposure(List<String> domains) {
        if (domains.isEmpty()) {
            return Exposure.INTERNAL;
        }
        if (domains.stream().anyMatch(organisation::isConsumerDomain)) {
            return Exposure.CONSUMER_MAILBOX;
        }
        if (domains.stream().allMatch(organisation::isTrustedPartner)) {
            return Exposure.TRUSTED_PARTNER;
        }
        return Exposure.UNKNOWN_RECIPIENT;
    }

    private static String join(Set<? extends Enum<?>> values) {
        return String.join(",", values.stream().map(Enum::name).toList());
    }

    /** {@code answers} with the deadline that follows their discovery time; derived when discovery is. */
    Answers withDeadline(Answers answers) {
        return answers.instant(Field.DISCOVERED_AT)
                .map(d -> {
                    String deadline = d.plus(deadlineAfterDiscovery()).toString();
                    if (deadline.equals(answers.get(Field.DEADLINE_AT))) {
                        return answers;
                    }
                    return answers.isDerived(Field.DISCOVERED_AT) ? answers.withDerived(Field.DEADLINE_AT, deadline)
                            : answers.with(Field.DEADLINE_AT, deadline);
                })
                .orElse(answers);
    }
}

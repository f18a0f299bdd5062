package nl.lekwacht.register;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import nl.lekwacht.register.Choices.DataCategory;
import nl.lekwacht.register.Choices.Exposure;
import nl.lekwacht.register.Choices.Group;
import nl.lekwacht.register.Choices.Kind;
import nl.lekwacht.register.Choices.Nature;

/**
 * Fills the AP form from a report through the report forms, as {@link FormDerivation} does from a
 * message's findings, every answer marked derived: the kind of breach (the yes/no answers first,
 * then the words), nature, data categories, people, groups, who received the data, the summary, the
 * measures staff already took, and the ENISA severity. A misdelivered letter with a BSN and benefit
 * data is a breach of confidentiality of fraud-enabling data to an unknown person: High, not Low.
 * Stateless.
 */
final class ReportDerivation {

    private static final int SUMMARY_CHARS = 300;

    private final ReportWords words = new ReportWords();
    private final FormDerivation form;

    ReportDerivation(FormDerivation form) {
        this.form = form;
    }

    /** The derived answers, discovered at {@code discovered}, with deadline and severity. */
    Answers derive(ReportFacts facts, Instant discovered) {
        String text = facts.words();
        Kind kind = kind(facts, text);
        Answers a = Answers.empty()
                .withDerived(Field.KIND, kind.name())
                .withDerived(Field.SUMMARY, summary(facts))
                .withDerived(Field.NATURE, join(nature(facts, kind)))
                .withDerived(Field.DATA_CATEGORIES, join(categories(facts, kind, text)))
                .withDerived(Field.GROUPS, join(groups(facts, text)))
                .withDerived(Field.RECIPIENT_EXPOSURE, exposure(facts, kind).name())
                // the report's arrival is when the organisation learned of it: a fact, not a guess
                .with(Field.DISCOVERED_AT, discovered.toString());
        int people = facts.people().isPresent() ? facts.people().getAsInt()
                : words.people(text).orElse(1);
        a = a.withDerived(Field.PEOPLE_MIN, Integer.toString(people))
                .withDerived(Field.PEOPLE_MAX, Integer.toString(people));
        String measures = measures(facts);
        if (!measures.isEmpty()) {
            a = a.withDerived(Field.MEASURES_TAKEN, measures);
        }
        return form.withSeverity(form.withDeadline(a));
    }

    Kind kind(ReportFacts facts, String text) {
        if (facts.misdeliveredPost()) {
            return Kind.LETTER_WRONG_ADDRESS;
        }
        return words.kind(text).orElseGet(() -> {
            if (facts.receivedOthersData() || facts.ownDataReceived()) {
                return words.aboutPost(text) ? Kind.LETTER_WRONG_ADDRESS : Kind.WRONG_RECIPIENT;
            }
            return Kind.OTHER;
        });
    }

    private static Set<Nature> nature(ReportFacts facts, Kind kind) {
        Set<Nature> nature = EnumSet.noneOf(Nature.class);
        boolean onlyLost = facts.dataLost() && kind == Kind.OTHER && !facts.receivedOthersData()
                && !facts.ownDataReceived();
        if (!onlyLost) {
            nature.add(Nature.CONFIDENTIALITY);
        }
        if (facts.dataLost() || kind == Kind.LOST_DEVICE) {
            nature.add(Nature.AVAILABILITY);
        }
        if (kind == Kind.HACK) {
            nature.add(Nature.INTEGRITY);
        }
        return nature;
    }

    private Set<DataCategory> categories(ReportFacts facts, Kind kind, String text) {
        Set<DataCategory> data = words.categories(text);
        if (kind == Kind.LETTER_WRONG_ADDRESS) {
            // a letter carries at least the addressee's name and address
            data.add(DataCategory.NAME);
            data.add(DataCategory.CONTACT);
        } else if (kind == Kind.VISIBLE_RECIPIENTS) {
            // "all the addresses in cc" are e-mail addresses, not where people live
            data.add(DataCategory.EMAIL_ADDRESS);
            if (!words.homeContact(text)) {
                data.remove(DataCategory.CONTACT);
            }
        } else if (facts.origin() == Origin.RESIDENT && (facts.receivedOthersData() || facts.ownDataReceived())) {
            data.add(DataCategory.NAME);
        }
        if (data.isEmpty()) {
            data.add(DataCategory.OTHER_GENERAL);
        }
        return data;
    }

    private Set<Group> groups(ReportFacts facts, String text) {
        Set<Group> groups = words.groups(text);
        if (facts.origin() == Origin.RESIDENT || groups.isEmpty()) {
            groups.add(Group.RESIDENTS);
        }
        return groups;
    }

    /** Who got the data: a stranger for post or mail that went astray; inside when staff say so. */
    private Exposure exposure(ReportFacts facts, Kind kind) {
        String recipients = facts.recipients().toLowerCase(java.util.Locale.ROOT);
        if (recipients.matches("(?s).*\\b(collega|intern|eigen afdeling|binnen de (gemeente|organisatie)).*")) {
            return Exposure.INTERNAL;
        }
        if (recipients.matches("(?s).*\\b(gmail|hotmail|outlook\\.com|live\\.nl|ziggo|kpnmail|privé|prive).*")) {
            return Exposure.CONSUMER_MAILBOX;
        }
        return switch (kind) {
            case LETTER_WRONG_ADDRESS, WRONG_RECIPIENT, VISIBLE_RECIPIENTS, WRONG_ATTACHMENT, HACK ->
                    Exposure.UNKNOWN_RECIPIENT;
            default -> facts.receivedOthersData() || facts.ownDataReceived() ? Exposure.UNKNOWN_RECIPIENT
                    : Exposure.UNKNOWN;
        };
    }

    private static String summary(ReportFacts facts) {
        String what = facts.whatHappened().strip().replaceAll("\\s+", " ");
        if (what.length() > SUMMARY_CHARS) {
            what = what.substring(0, SUMMARY_CHARS - 3) + "...";
        }
        String source = facts.origin() == Origin.RESIDENT ? "Melding van een inwoner" : "Melding van een medewerker";
        return what.isEmpty() ? source + "." : source + ": " + what;
    }

    private static String measures(ReportFacts facts) {
        String done = facts.actionsTaken().strip();
        if (facts.dataBack()) {
            done = (done.isEmpty() ? "" : done + "\n") + "Volgens de melder zijn de gegevens terug of verwijderd.";
        }
        return done;
    }

    private static String join(Set<? extends Enum<?>> values) {
        return String.join(",", values.stream().map(Enum::name).toList());
    }
}

package nl.lekwacht.inspect.recipients;

import nl.lekwacht.config.OrganisationConfig;
import nl.lekwacht.history.AddressKey;
import nl.lekwacht.history.OrganisationHistory;
import nl.lekwacht.inspect.recipients.CorrespondentIndex.DomainMatch;
import nl.lekwacht.inspect.recipients.CorrespondentIndex.Entry;
import nl.lekwacht.inspect.recipients.Resemblance.Reason;

/**
 * Finds the known correspondent an unknown recipient resembles, in one {@link CorrespondentIndex}:
 * same display name, same local part at another domain, a local part within a few edits at a known
 * domain, a new domain that resembles a known one, a known name at a consumer domain. Pure.
 */
final class ResemblanceSearch {

    /** A local part spelling a known name must have this many letters to name one person. */
    private static final int MIN_NAME_LETTERS = 8;

    private final MisdirectedRecipientSettings settings;
    private final OrganisationConfig organisation;

    ResemblanceSearch(MisdirectedRecipientSettings settings, OrganisationConfig organisation) {
        this.settings = settings;
        this.organisation = organisation;
    }

    /**
     * @param everyone the organisation-wide history, to tell a domain nobody mailed from a known one
     * @param source   {@code sender} or {@code organisation}, for the result
     * @param list     the recipient is one of a pasted list (more external recipients than anyone types
     *                 one by one): its addresses come from a register, where namesakes and near-namesakes
     *                 among residents are common, so only spelling evidence about an organisation's
     *                 address or a domain nobody mailed counts, not a name seen elsewhere
     * @return the resemblance, or null when the recipient resembles nobody in the index
     */
    Resemblance find(Recipient r, CorrespondentIndex index, OrganisationHistory everyone, String source,
                     boolean list) {
        String local = AddressKey.localPart(r.key());
        String domain = AddressKey.domain(r.key());
        boolean organisationIndex = "organisation".equals(source);
        boolean namesCount = !organisationIndex && !list;

        String name = PersonName.normalise(r.displayName());
        // Organisation-wide, many people share a name: only spelling rules apply there.
        Entry sameName = organisationIndex ? null : mostMailed(index.withName(name), r.key());
        if (sameName != null) {
            return result(r, sameName.address(), Reason.SAME_DISPLAY_NAME, "the display name \"" + r.displayName()
                    + "\" belongs to " + sameName.address(), source);
        }
        if (distinctive(local)) {
            Entry sameLocal = mostMailed(index.withLocalPart(local), r.key());
            if (sameLocal != null) {
                Resemblance same = sameLocalPart(r, sameLocal, domain, source);
                if (same != null && (namesCount || isAboutDomain(same.reason()))) {
                    return same;
                }
            }
        }
        if (index.knowsDomain(domain)) {
            if (!((organisationIndex || list) && organisation.isConsumerDomain(domain))) {
                Entry typo = index.similarLocalPart(local, domain, settings.localOneEditFrom(),
                        settings.localTwoEditsFrom(), e -> !otherInitial(local, e.local()) && !onlyDigitsDiffer(local, e.local()));
                if (typo != null) {
                    return result(r, typo.address(), Reason.LOCAL_PART_TYPO, "differs by a typing error from "
                            + typo.address(), source);
                }
            }
        } else if (!everyone.knowsDomain(domain) && !organisation.isConsumerDomain(domain)) {
            // (a provider on the consumer list is a real mail service, not a misspelling of another)
            DomainMatch similar = index.similarDomain(domain, settings.domainOneEditFrom(),
                    settings.domainTwoEditsFrom());
            if (similar != null) {
                Entry there = index.similarLocalPart(local, similar.domain(), settings.localOneEditFrom(),
                        settings.localTwoEditsFrom(), e -> true);
                String suggestion = there != null ? there.address() : local + "@" + similar.domain();
                return result(r, suggestion, similar.reason(), domainWhy(similar.reason(), domain, similar.domain()),
                        source);
            }
        }
        if (namesCount) {
            return knownName(r, index, local, domain, source);
        }
        return null;
    }

    /**
     * The local part spells the whole name of a correspondent (display name or local part, in any
     * punctuation) who is known at another address: {@code jan_jansen@ziggo.nl} for "Jan Jansen"
     * {@code <jan.jansen@zorgpartner.nl>}.
     */
    private Resemblance knownName(Recipient r, CorrespondentIndex index, String local, String domain, String source) {
        String letters = PersonName.letters(local);
        // an initial and a surname (m.kowalski, pmolenaar) is shared by too many people to be a name
        if (letters.length() < MIN_NAME_LETTERS || !identifiesPerson(local)) {
            return null;
        }
        Entry atOrganisation = null;
        Entry elsewhere = null;
        for (Entry e : index.withLetters(letters)) {
            if (e.address().equals(r.key()) || organisation.isInternal(e.address())) {
                continue;
            }
            if (!organisation.isConsumerDomain(e.domain())) {
                atOrganisation = atOrganisation == null || e.messages() > atOrganisation.messages() ? e : atOrganisation;
            } else {
                elsewhere = elsewhere == null || e.messages() > elsewhere.messages() ? e : elsewhere;
            }
        }
        if (atOrganisation != null && organisation.isConsumerDomain(domain)) {
            return result(r, atOrganisation.address(), Reason.KNOWN_NAME_AT_CONSUMER_DOMAIN, "a private mailbox at "
                    + domain + " under the name of " + atOrganisation.address() + ", known at an organisation", source);
        }
        Entry known = atOrganisation != null ? atOrganisation : elsewhere;
        if (known == null) {
            return null;
        }
        return result(r, known.address(), Reason.KNOWN_NAME_NEW_ADDRESS, r.key() + " spells the name of "
                + known.address() + ", whom you mail at that address", source);
    }

    private static boolean isAboutDomain(Reason reason) {
        return reason == Reason.TLD_SWAP || reason == Reason.LOOK_ALIKE_DOMAIN || reason == Reason.DOMAIN_TYPO;
    }

    private Resemblance sameLocalPart(Recipient r, Entry known, String domain, String source) {
        String label = DomainShape.withoutTld(domain);
        String knownLabel = DomainShape.withoutTld(known.domain());
        // Two providers on the consumer list are both real mail services with a mailbox for nearly every
        // name: hotmail.com beside hotmail.nl says nothing about the domain, only the name can.
        boolean bothProviders = organisation.isConsumerDomain(domain) && organisation.isConsumerDomain(known.domain());
        Reason reason;
        String why;
        if (bothProviders) {
            if (!identifiesPerson(known.local())) {
                return null;
            }
            reason = Reason.SAME_LOCAL_PART_OTHER_DOMAIN;
            why = "the same name is known at " + known.domain() + ", not at " + domain;
        } else if (label.equals(knownLabel)) {
            reason = Reason.TLD_SWAP;
            why = domainWhy(reason, domain, known.domain());
        } else if (DomainShape.skeleton(domain).equals(DomainShape.skeleton(known.domain()))) {
            reason = Reason.LOOK_ALIKE_DOMAIN;
            why = domainWhy(reason, domain, known.domain());
        } else if (!identifiesPerson(known.local())) {
            return null;
        } else if (organisation.isConsumerDomain(domain) && !organisation.isConsumerDomain(known.domain())) {
            reason = Reason.KNOWN_NAME_AT_CONSUMER_DOMAIN;
            why = "the same name at the private mail provider " + domain + "; known at " + known.domain();
        } else {
            int allowed = EditDistance.allowed(Math.min(label.length(), knownLabel.length()),
                    settings.domainOneEditFrom(), settings.domainTwoEditsFrom());
            if (allowed > 0 && EditDistance.bounded(label, knownLabel, allowed) <= allowed) {
                reason = Reason.DOMAIN_TYPO;
                why = domainWhy(reason, domain, known.domain());
            } else {
                reason = Reason.SAME_LOCAL_PART_OTHER_DOMAIN;
                why = "the same name is known at " + known.domain() + ", not at " + domain;
            }
        }
        return result(r, known.address(), reason, why, source);
    }

    private static String domainWhy(Reason reason, String domain, String known) {
        return switch (reason) {
            case TLD_SWAP -> domain + " differs only in its ending from the known domain " + known;
            case LOOK_ALIKE_DOMAIN -> domain + " looks like the known domain " + known;
            default -> domain + " differs by a typing error from the known domain " + known;
        };
    }

    /**
     * True when two local parts differ only in their first letter, as {@code k.degroot} and
     * {@code r.degroot}: an initial is typed on purpose, so these are colleagues or relatives, not typos.
     */
    static boolean otherInitial(String a, String b) {
        return a.length() == b.length() && a.length() > 1 && a.charAt(0) != b.charAt(0)
                && a.regionMatches(1, b, 1, a.length() - 1);
    }

    /** True when two local parts differ only in their digits ({@code ahmed2000}, {@code ahmed2002}): a year or number. */
    static boolean onlyDigitsDiffer(String a, String b) {
        return a.replaceAll("[0-9]", "").equals(b.replaceAll("[0-9]", ""));
    }

    /**
     * True when a local part names one person rather than a common initial-and-surname or first name
     * with digits: at an unrelated domain, {@code j.devries} or {@code jan1975} is most likely someone
     * else, {@code jan.devries} or {@code marieke.vandenbroek} is most likely the same person.
     */
    static boolean identifiesPerson(String local) {
        int letters = PersonName.letters(local).length();
        int separator = -1;
        for (int i = 0; i < local.length() && separator < 0; i++) {
            char c = local.charAt(i);
            if (c == '.' || c == '_' || c == '-') {
                separator = i;
            }
        }
        return separator < 0 ? letters >= 10 : separator >= 2 && letters >= 8;
    }

    private boolean distinctive(String local) {
        return local.length() >= settings.minSharedLocalPart() && !settings.genericLocalParts().contains(local);
    }

    private static Entry mostMailed(java.util.List<Entry> entries, String except) {
        Entry best = null;
        for (Entry e : entries) {
            if (!e.address().equals(except) && (best == null || e.messages() > best.messages())) {
                best = e;
            }
        }
        return best;
    }

    private static Resemblance result(Recipient r, String suggestion, Reason reason, String why, String source) {
        return new Resemblance(r.key(), suggestion, reason, why, source);
    }
}

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

    private final MisdirectedRecipientSettings settings;
    private final OrganisationConfig organisation;

    ResemblanceSearch(MisdirectedRecipientSettings settings, OrganisationConfig organisation) {
        this.settings = settings;
        this.organisation = organisation;
    }

    /**
     * @param everyone the organisation-wide history, to tell a domain nobody mailed from a known one
     * @param source   {@code sender} or {@code organisation}, for the result
     * @return the resemblance, or null when the recipient resembles nobody in the index
     */
    Resemblance find(Recipient r, CorrespondentIndex index, OrganisationHistory everyone, String source) {
        String local = AddressKey.localPart(r.key());
        String domain = AddressKey.domain(r.key());
        boolean organisationIndex = "organisation".equals(source);

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
                if (same != null && !organisationIndex || same != null && (same.reason() == Reason.TLD_SWAP || same.reason() == Reason.LOOK_ALIKE_DOMAIN
                        || same.reason() == Reason.DOMAIN_TYPO)) {
                    return same;
                }
            }
        }
        if (index.knowsDomain(domain)) {
            if (!(organisationIndex && organisation.isConsumerDomain(domain))) {
                Entry typo = index.similarLocalPart(local, domain, settings.localOneEditFrom(),
                        settings.localTwoEditsFrom(), e -> !otherInitial(local, e.local()) && !onlyDigitsDiffer(local, e.local()));
                if (typo != null) {
                    return result(r, typo.address(), Reason.LOCAL_PART_TYPO, "differs by a typing error from "
                            + typo.address(), source);
                }
            }
        } else if (!everyone.knowsDomain(domain)) {
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
        if (!organisationIndex && organisation.isConsumerDomain(domain)) {
            String letters = PersonName.letters(local);
            for (Entry e : letters.length() < 8 ? java.util.List.<Entry>of() : index.withLetters(letters)) {
                if (!organisation.isConsumerDomain(e.domain()) && !organisation.isInternal(e.address())) {
                    return result(r, e.address(), Reason.KNOWN_NAME_AT_CONSUMER_DOMAIN, "a private mailbox at "
                            + domain + " under the name of " + e.address() + ", known at an organisation", source);
                }
            }
        }
        return null;
    }

    private Resemblance sameLocalPart(Recipient r, Entry known, String domain, String source) {
        String label = DomainShape.withoutTld(domain);
        String knownLabel = DomainShape.withoutTld(known.domain());
        Reason reason;
        String why;
        if (label.equals(knownLabel)) {
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

package nl.lekwacht.inspect.recipients;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.lekwacht.config.OrganisationConfig;
import nl.lekwacht.history.AddressKey;
import nl.lekwacht.history.Correspondent;
import nl.lekwacht.history.Derived;
import nl.lekwacht.history.HistoryView;
import nl.lekwacht.history.OrganisationHistory;
import nl.lekwacht.history.SenderHistory;
import nl.lekwacht.inspect.Detector;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.inspect.Severity;
import nl.lekwacht.inspect.recipients.Resemblance.Reason;
import nl.lekwacht.message.OutboundMessage;

/**
 * MISDIRECTED_RECIPIENT: an external recipient the sender has never mailed that resembles a known
 * correspondent (the sender's own first, then the organisation's), or that looks like an autocomplete
 * slip for a far more frequent correspondent. One finding per such recipient, with the suggestion
 * ("did you mean ...?") and the reason in its details.
 *
 * <p>While the sender is still in the learning period (fewer than {@code history.learning-messages}
 * messages known) findings are LOW with {@code details.learning = "true"}, which the policy never
 * lets hold mail. Pure and thread-safe: it reads history snapshots, whose indexes are built once per
 * snapshot.
 */
public final class MisdirectedRecipientDetector implements Detector {

    private static final int MAX_TYPED_RECIPIENTS = 5;

    private final MisdirectedRecipientSettings settings;
    private final OrganisationConfig organisation;
    private final HistoryView history;
    private final int learningMessages;
    private final ResemblanceSearch search;
    private final Derived<SenderHistory, CorrespondentIndex> senderIndex = MisdirectedRecipientDetector::index;
    private final Derived<OrganisationHistory, CorrespondentIndex> organisationIndex =
            MisdirectedRecipientDetector::index;
    private final Derived<SenderHistory, AutocompleteIndex> autocompleteIndex;

    /** @param learningMessages a sender with fewer known messages is still learning */
    public MisdirectedRecipientDetector(MisdirectedRecipientSettings settings, OrganisationConfig organisation,
                                        HistoryView history, int learningMessages) {
        this.settings = settings;
        this.organisation = organisation;
        this.history = history;
        this.learningMessages = learningMessages;
        this.search = new ResemblanceSearch(settings, organisation);
        int frequent = settings.frequentMessages();
        this.autocompleteIndex = h -> new AutocompleteIndex(h, frequent);
    }

    @Override
    public String name() {
        return "misdirected-recipient";
    }

    @Override
    public List<Finding> inspect(OutboundMessage message) {
        String sender = message.envelope().sender();
        if (!settings.enabled() || message.envelope().isNullSender() || !organisation.isInternal(sender)) {
            return List.of();
        }
        List<Recipient> recipients = Recipient.external(message, organisation);
        if (recipients.isEmpty()) {
            return List.of();
        }
        SenderHistory own = history.sender(sender);
        OrganisationHistory everyone = history.organisation();
        boolean learning = own.messages() < learningMessages;
        List<Finding> findings = new ArrayList<>();
        for (Recipient r : recipients) {
            Resemblance resemblance = resemblance(r, recipients, own, everyone);
            if (resemblance != null) {
                findings.add(finding(r, resemblance, learning));
            }
        }
        return findings;
    }

    private Resemblance resemblance(Recipient r, List<Recipient> all, SenderHistory own, OrganisationHistory everyone) {
        long sent = own.messagesTo(r.key());
        if (sent == 0) {
            Resemblance found = search.find(r, own.derived(senderIndex), everyone, "sender");
            if (found == null && settings.organisationWide() && !everyone.knowsAddress(r.key())) {
                found = search.find(r, everyone.derived(organisationIndex), everyone, "organisation");
            }
            if (found != null) {
                return found;
            }
        }
        return settings.autocomplete() ? autocomplete(r, sent, all, own, everyone) : null;
    }

    /**
     * The autocomplete pattern: the recipient shares its first characters or first name with a far
     * more frequent correspondent, is rarely or never mailed, and never stood with the other
     * recipients of this message.
     */
    private Resemblance autocomplete(Recipient r, long sent, List<Recipient> all, SenderHistory own,
                                     OrganisationHistory everyone) {
        // Autocomplete fills in addresses typed one by one into To or Cc, not pasted mailing lists.
        if (sent > settings.rareMessages() || "Bcc".equals(r.field()) || all.size() > MAX_TYPED_RECIPIENTS) {
            return null;
        }
        AutocompleteIndex index = own.derived(autocompleteIndex);
        String local = AddressKey.localPart(r.key());
        long needed = Math.max(settings.frequentMessages(), settings.frequencyRatio() * Math.max(1, sent));
        Correspondent frequent = null;
        int shared = 0;
        for (int p = Math.min(AutocompleteIndex.MAX_PREFIX, local.length()); p >= 1 && frequent == null; p--) {
            Correspondent c = index.byPrefix(local.substring(0, p));
            if (c != null && !c.address().equals(r.key()) && c.messages() >= needed) {
                frequent = c;
                shared = p;
            }
        }
        boolean sameFirstName = false;
        if (frequent == null) {
            Correspondent c = index.byFirstName(PersonName.firstWord(PersonName.normalise(r.displayName())));
            if (c != null && !c.address().equals(r.key()) && c.messages() >= needed) {
                frequent = c;
                sameFirstName = true;
            }
        }
        if (frequent == null) {
            return null;
        }
        boolean othersKnowFrequent = false;
        for (Recipient other : all) {
            if (other.key().equals(r.key())) {
                continue;
            }
            if (own.seenTogether(r.key(), other.key())) {
                return null;
            }
            othersKnowFrequent |= own.seenTogether(frequent.address(), other.key());
        }
        // A client offers an address it never sent to only from a shared address book: one somebody in the
        // organisation mails. A brand-new address was typed in full, so it is no autocomplete slip.
        if (sent == 0 && !everyone.knowsAddress(r.key())) {
            return null;
        }
        boolean evidence = sent == 0
                ? shared >= 2 || sameFirstName || othersKnowFrequent
                : othersKnowFrequent;
        if (!evidence) {
            return null;
        }
        String how = sameFirstName ? "has the same first name as" : "starts like";
        return new Resemblance(r.key(), frequent.address(), Reason.AUTOCOMPLETE, r.key() + " " + how + " "
                + frequent.address() + ", whom you mail far more often" + (sent == 0 ? "; you never mailed "
                + r.key() : "") + (othersKnowFrequent ? "; the other recipients usually get mail with "
                + frequent.address() : ""), "sender");
    }

    private Finding finding(Recipient r, Resemblance resemblance, boolean learning) {
        Severity severity = learning ? Severity.LOW : severity(resemblance);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("suggestion", resemblance.suggestion());
        details.put("reason", resemblance.why());
        details.put("rule", resemblance.reason().code());
        details.put("recipient", r.address());
        details.put("source", resemblance.source());
        if (learning) {
            details.put(Finding.DETAIL_LEARNING, "true");
        }
        return new Finding(FindingCode.MISDIRECTED_RECIPIENT, severity, "header:" + r.field(), 1,
                List.of(r.address() + " -> did you mean " + resemblance.suggestion() + "?"),
                "recipient resembles a known correspondent (" + resemblance.reason().code() + ")", details);
    }

    private static Severity severity(Resemblance resemblance) {
        if ("organisation".equals(resemblance.source()) || resemblance.reason() == Reason.AUTOCOMPLETE
                || resemblance.reason() == Reason.SAME_LOCAL_PART_OTHER_DOMAIN) {
            return Severity.MEDIUM;
        }
        return Severity.HIGH;
    }

    private static CorrespondentIndex index(SenderHistory history) {
        List<CorrespondentIndex.Entry> entries = new ArrayList<>(history.correspondents().size());
        for (Correspondent c : history.correspondents()) {
            entries.add(CorrespondentIndex.entry(c.address(), c.displayNames(), c.messages()));
        }
        return new CorrespondentIndex(entries, List.of());
    }

    private static CorrespondentIndex index(OrganisationHistory history) {
        List<CorrespondentIndex.Entry> entries = new ArrayList<>(history.indexedAddresses().size());
        for (OrganisationHistory.KnownAddress a : history.indexedAddresses()) {
            entries.add(CorrespondentIndex.entry(a.address(),
                    a.displayName().isEmpty() ? List.of() : List.of(a.displayName()), a.messages()));
        }
        return new CorrespondentIndex(entries, history.indexedDomains());
    }
}

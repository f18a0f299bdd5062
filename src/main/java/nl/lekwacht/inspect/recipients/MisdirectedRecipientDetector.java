package nl.lekwacht.inspect.recipients;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.lekwacht.config.OrganisationConfig;
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
 * <p>In a pasted list (more than {@value AutocompleteRule#MAX_TYPED_RECIPIENTS} external recipients)
 * only spelling evidence counts: a typo of a known address at an organisation's domain, a misspelt
 * domain. Two providers on the consumer list are never taken for a misspelling of one another. The
 * autocomplete pattern is scored by {@link AutocompleteRule}.
 *
 * <p>While the sender is still in the learning period (fewer than {@code history.learning-messages}
 * messages known) findings are LOW with {@code details.learning = "true"}, which the policy never
 * lets hold mail. Pure and thread-safe: it reads history snapshots, whose indexes are built once per
 * snapshot.
 */
public final class MisdirectedRecipientDetector implements Detector {

    private final MisdirectedRecipientSettings settings;
    private final OrganisationConfig organisation;
    private final HistoryView history;
    private final int learningMessages;
    private final ResemblanceSearch search;
    private final Derived<SenderHistory, CorrespondentIndex> senderIndex = MisdirectedRecipientDetector::index;
    private final Derived<OrganisationHistory, CorrespondentIndex> organisationIndex =
            MisdirectedRecipientDetector::index;
    private final AutocompleteRule autocomplete;
    private final CompletionSlipRule completion;

    /** @param learningMessages a sender with fewer known messages is still learning */
    public MisdirectedRecipientDetector(MisdirectedRecipientSettings settings, OrganisationConfig organisation,
                                        HistoryView history, int learningMessages) {
        this.settings = settings;
        this.organisation = organisation;
        this.history = history;
        this.learningMessages = learningMessages;
        this.search = new ResemblanceSearch(settings, organisation);
        this.autocomplete = new AutocompleteRule(settings);
        this.completion = new CompletionSlipRule(settings);
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
            Resemblance resemblance = resemblance(r, recipients, own, everyone, message);
            if (resemblance != null) {
                findings.add(finding(r, resemblance, learning));
            }
        }
        return findings;
    }

    private Resemblance resemblance(Recipient r, List<Recipient> all, SenderHistory own, OrganisationHistory everyone,
                                    OutboundMessage message) {
        long sent = own.messagesTo(r.key());
        if (sent == 0) {
            boolean list = all.size() > AutocompleteRule.MAX_TYPED_RECIPIENTS;
            Resemblance found = search.find(r, own.derived(senderIndex), everyone, "sender", list);
            if (found == null && settings.organisationWide() && !everyone.knowsAddress(r.key())) {
                found = search.find(r, everyone.derived(organisationIndex), everyone, "organisation", list);
            }
            if (found != null) {
                return found;
            }
        }
        if (!settings.autocomplete()) {
            return null;
        }
        Resemblance scored = autocomplete.find(r, all, own, everyone);
        return scored != null ? scored : completion.find(r, all, own, everyone, message);
    }

    private Finding finding(Recipient r, Resemblance resemblance, boolean learning) {
        Severity severity = learning ? Severity.LOW : severity(resemblance);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("suggestion", resemblance.suggestion());
        details.put("reason", resemblance.why());
        details.put("rule", resemblance.reason().code());
        details.put("recipient", r.address());
        details.put("source", resemblance.source());
        if (!resemblance.score().isEmpty()) {
            details.put("score", resemblance.score());
        }
        if (learning) {
            details.put(Finding.DETAIL_LEARNING, "true");
        }
        return new Finding(FindingCode.MISDIRECTED_RECIPIENT, severity, "header:" + r.field(), Finding.HEADER, 1,
                List.of(r.address() + " -> did you mean " + resemblance.suggestion() + "?"),
                "recipient resembles a known correspondent (" + resemblance.reason().code() + ")", details);
    }

    static Severity severity(Resemblance resemblance) {
        if (CompletionSlipRule.WITHOUT_CONTEXT.equals(resemblance.score())) {
            // only the letters or first name match; nothing in the message says whom it is for. An
            // organisation that finds this noisy can set minimum-severity MEDIUM for this code.
            return Severity.LOW;
        }
        if ("organisation".equals(resemblance.source()) || resemblance.reason() == Reason.AUTOCOMPLETE
                || resemblance.reason() == Reason.SAME_LOCAL_PART_OTHER_DOMAIN
                || resemblance.reason() == Reason.KNOWN_NAME_NEW_ADDRESS) {
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

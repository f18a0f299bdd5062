package nl.lekwacht.register;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import nl.lekwacht.config.OrganisationConfig;
import nl.lekwacht.hold.HeldMessage;
import nl.lekwacht.hold.HoldDetails;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.flow.Verdict;

/** Builds {@link MessageFacts} from a screened message: metadata and masked evidence only. */
final class Facts {

    private final OrganisationConfig organisation;

    public Facts(OrganisationConfig organisation) {
        this.organisation = organisation;
    }

    public MessageFacts of(OutboundMessage message, Verdict verdict) {
        var envelope = message.envelope();
        return new MessageFacts(envelope.queueId(), "", message.headers().messageId(), envelope.sender(),
                message.headers().subject(), externalDomains(envelope.recipients()), envelope.recipients().size(),
                verdict.findings().stream().map(Facts::fact).toList(), envelope.receivedAt(),
                externalAddresses(envelope.recipients()));
    }

    /** The facts of a held message: what the hold kept of it (it has no Message-ID). */
    public MessageFacts ofHold(HeldMessage hold) {
        HoldDetails details = hold.details();
        Instant sentAt = details.receivedAt() == null ? hold.createdAt() : details.receivedAt();
        return new MessageFacts(details.queueId(), hold.id(), "", hold.sender(), hold.subject(),
                externalDomains(hold.recipients()), hold.recipients().size(), details.findings().stream()
                .map(f -> new MessageFacts.FindingFact(f.code(), f.severity(), f.where(), f.count(), f.evidence(),
                        f.details().getOrDefault("categories", ""))).toList(), sentAt,
                externalAddresses(hold.recipients()));
    }

    private static MessageFacts.FindingFact fact(Finding f) {
        return new MessageFacts.FindingFact(f.code().name(), f.severity().name(), f.where(), f.count(), f.evidence(),
                f.details().getOrDefault("categories", ""));
    }

    /** Distinct addresses of the recipients outside the organisation, lower case, sorted. */
    public List<String> externalAddresses(Collection<String> recipients) {
        return recipients.stream().filter(r -> !organisation.isInternal(r)).map(r -> r.toLowerCase(Locale.ROOT))
                .distinct().sorted().toList();
    }

    /** Distinct domains of the recipients outside the organisation, sorted. */
    public List<String> externalDomains(Collection<String> recipients) {
        return recipients.stream().filter(r -> !organisation.isInternal(r)).map(OrganisationConfig::domainOf)
                .filter(d -> !d.isEmpty()).distinct().sorted().toList();
    }
}

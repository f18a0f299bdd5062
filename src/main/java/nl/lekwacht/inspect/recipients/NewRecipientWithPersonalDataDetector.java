package nl.lekwacht.inspect.recipients;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.lekwacht.config.OrganisationConfig;
import nl.lekwacht.history.AddressKey;
import nl.lekwacht.history.HistoryView;
import nl.lekwacht.history.OrganisationHistory;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.inspect.FollowUpDetector;
import nl.lekwacht.inspect.Severity;
import nl.lekwacht.message.OutboundMessage;

/**
 * NEW_RECIPIENT_WITH_PERSONAL_DATA: a message with a BSN or special-category finding that goes to a
 * recipient domain nobody in the organisation has mailed before. Consumer mail domains are judged
 * by the whole address instead (everyone has mailed gmail.com; not everyone this resident), and
 * trusted partner domains never count as new. Pure and thread-safe.
 */
public final class NewRecipientWithPersonalDataDetector implements FollowUpDetector {

    private static final Set<FindingCode> PERSONAL = Set.of(FindingCode.BSN, FindingCode.SPECIAL_CATEGORY);

    private final OrganisationConfig organisation;
    private final HistoryView history;

    public NewRecipientWithPersonalDataDetector(OrganisationConfig organisation, HistoryView history) {
        this.organisation = organisation;
        this.history = history;
    }

    @Override
    public String name() {
        return "new-recipient-with-personal-data";
    }

    @Override
    public List<Finding> inspect(OutboundMessage message, List<Finding> earlier) {
        Set<String> kinds = new LinkedHashSet<>();
        for (Finding f : earlier) {
            if (PERSONAL.contains(f.code())) {
                kinds.add(f.code().name());
            }
        }
        if (kinds.isEmpty()) {
            return List.of();
        }
        OrganisationHistory everyone = history.organisation();
        Set<String> fresh = new LinkedHashSet<>();
        List<String> evidence = new ArrayList<>();
        String field = "Bcc";
        for (Recipient r : Recipient.external(message, organisation)) {
            String domain = AddressKey.domain(r.key());
            if (organisation.isTrustedPartner(domain)) {
                continue;
            }
            boolean consumer = organisation.isConsumerDomain(domain);
            boolean isNew = consumer ? !everyone.knowsAddress(r.key()) : !everyone.knowsDomain(domain);
            if (isNew && fresh.add(consumer ? r.key() : domain)) {
                evidence.add(consumer ? r.address() : domain);
                field = r.field();
            }
        }
        if (fresh.isEmpty()) {
            return List.of();
        }
        String what = String.join(", ", kinds);
        return List.of(new Finding(FindingCode.NEW_RECIPIENT_WITH_PERSONAL_DATA, Severity.HIGH, "header:" + field,
                Finding.HEADER, fresh.size(), evidence, "personal data (" + what + ") to a recipient domain never mailed before",
                Map.of("suggestion", "check the recipient address before sending " + what,
                        "reason", "nobody in the organisation has mailed " + String.join(", ", evidence)
                                + " before, and the message carries " + what)));
    }
}

package nl.lekwacht.inspect.recipients;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.lekwacht.config.OrganisationConfig;
import nl.lekwacht.history.AddressKey;
import nl.lekwacht.history.HistoryView;
import nl.lekwacht.inspect.Detector;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.inspect.Severity;
import nl.lekwacht.message.MailAddress;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.message.VisibleRecipient;

/**
 * VISIBLE_RECIPIENTS: external addresses every recipient can read in To/Cc that should have been Bcc.
 *
 * <p>Counts the external addresses in To and Cc (internal domains and the sender's own addresses do
 * not count). A finding from {@code threshold} addresses (default 5), or from
 * {@code consumer-threshold} (default 2) addresses at consumer mail domains: private persons, who share
 * no organisation. Not a finding when all of them are at one trusted partner domain, nor when this
 * group (or a larger one containing it) received mail together before. Severity grows with the count;
 * the evidence lists the exposed addresses and says to how many recipients they were shown.
 *
 * <p>The finding does not rest on the sender's own history being complete (only its exemption does),
 * so it is not subject to the learning period. Pure and thread-safe.
 */
public final class VisibleRecipientsDetector implements Detector {

    private static final int MAX_EVIDENCE = 50;

    private final VisibleRecipientsSettings settings;
    private final OrganisationConfig organisation;
    private final HistoryView history;

    public VisibleRecipientsDetector(VisibleRecipientsSettings settings, OrganisationConfig organisation,
                                     HistoryView history) {
        this.settings = settings;
        this.organisation = organisation;
        this.history = history;
    }

    @Override
    public String name() {
        return "visible-recipients";
    }

    @Override
    public List<Finding> inspect(OutboundMessage message) {
        if (!settings.enabled()) {
            return List.of();
        }
        Set<String> own = ownAddresses(message);
        Map<String, VisibleRecipient> exposed = new LinkedHashMap<>();
        for (VisibleRecipient v : message.visibleRecipients()) {
            String key = AddressKey.of(v.address());
            if (!key.isEmpty() && !own.contains(key) && !organisation.isInternal(key)) {
                exposed.putIfAbsent(key, v);
            }
        }
        int count = exposed.size();
        if (count < 2) {
            return List.of();
        }
        Set<String> domains = new HashSet<>();
        int consumers = 0;
        for (String key : exposed.keySet()) {
            String domain = AddressKey.domain(key);
            domains.add(domain);
            if (organisation.isConsumerDomain(domain)) {
                consumers++;
            }
        }
        if (count < settings.threshold() && consumers < settings.consumerThreshold()) {
            return List.of();
        }
        if (domains.size() == 1 && organisation.isTrustedPartner(domains.iterator().next())) {
            return List.of();
        }
        if (!message.envelope().isNullSender()
                && history.sender(message.envelope().sender()).timesSeenTogether(exposed.keySet())
                >= settings.groupSeenTimes()) {
            return List.of();
        }
        return List.of(finding(message, exposed, consumers, domains.size()));
    }

    private Finding finding(OutboundMessage message, Map<String, VisibleRecipient> exposed, int consumers,
                            int domains) {
        int count = exposed.size();
        int shownTo = (int) message.envelope().recipients().stream().map(AddressKey::of).distinct().count();
        Set<String> fields = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        List<String> evidence = new ArrayList<>();
        evidence.add(count + " addresses visible to " + shownTo + " recipients");
        for (VisibleRecipient v : exposed.values()) {
            fields.add(v.field());
            if (evidence.size() <= MAX_EVIDENCE) {
                evidence.add(v.address());
            }
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("exposed", Integer.toString(count));
        details.put("private", Integer.toString(consumers));
        details.put("domains", Integer.toString(domains));
        details.put("shownTo", Integer.toString(shownTo));
        details.put("suggestion", "put the external recipients in Bcc");
        details.put("reason", count + " external addresses" + (consumers > 0 ? " (" + consumers
                + " of private persons)" : "") + " are visible to all " + shownTo + " recipients");
        return new Finding(FindingCode.VISIBLE_RECIPIENTS, severity(count), "header:" + String.join(",", fields),
                Finding.HEADER, count, evidence, count + " external addresses visible in To/Cc to " + shownTo + " recipients",
                details);
    }

    private Severity severity(int count) {
        if (count >= settings.highFrom()) {
            return Severity.HIGH;
        }
        return count >= settings.mediumFrom() ? Severity.MEDIUM : Severity.LOW;
    }

    private static Set<String> ownAddresses(OutboundMessage message) {
        Set<String> own = new HashSet<>();
        own.add(AddressKey.of(message.envelope().sender()));
        for (MailAddress from : message.headers().from()) {
            own.add(AddressKey.of(from.address()));
        }
        message.headers().sender().ifPresent(s -> own.add(AddressKey.of(s.address())));
        return own;
    }
}

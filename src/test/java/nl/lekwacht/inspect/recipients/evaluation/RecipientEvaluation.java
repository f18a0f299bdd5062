package nl.lekwacht.inspect.recipients.evaluation;

import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.lekwacht.config.OrganisationConfig;
import nl.lekwacht.policy.PolicySettings;
import nl.lekwacht.history.AddressKey;
import nl.lekwacht.history.HistoryService;
import nl.lekwacht.history.HistoryView;
import nl.lekwacht.history.LearnedMessage;
import nl.lekwacht.history.OrganisationHistory;
import nl.lekwacht.history.SenderHistory;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.InspectionResult;
import nl.lekwacht.inspect.Inspector;
import nl.lekwacht.inspect.recipients.MisdirectedRecipientDetector;
import nl.lekwacht.inspect.recipients.MisdirectedRecipientSettings;
import nl.lekwacht.inspect.recipients.VisibleRecipientsDetector;
import nl.lekwacht.inspect.recipients.VisibleRecipientsSettings;
import nl.lekwacht.inspect.recipients.evaluation.SyntheticOrganisation.Address;
import nl.lekwacht.inspect.recipients.evaluation.SyntheticOrganisation.Mail;
import nl.lekwacht.inspect.recipients.evaluation.SyntheticOrganisation.SlipKind;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.MailAddress;
import nl.lekwacht.message.MessageHeaders;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.policy.Policy;
import nl.lekwacht.flow.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Replays a {@link SyntheticOrganisation} in time order through the recipient detectors and the
 * default policy, learning from every delivered message as the gateway does, and prints recall per
 * slip kind and the share of ordinary mail held. Run it with
 * {@code mvn -B -o test -Dtest=RecipientEvaluation -Dlekwacht.evaluation.seed=2}.
 * Held means: the default policy's verdict is HOLD. A generated message that shows residents to each
 * other in To/Cc ({@link Mail#exposure()}) is an exposure by the issue's definition, so it is reported
 * apart (how many were caught) instead of being counted as ordinary mail.
 */
@EnabledIfSystemProperty(named = "lekwacht.evaluation.seed", matches = "\\d+")
class RecipientEvaluation {

    private static final OrganisationConfig ORGANISATION = new OrganisationConfig(
            List.of(SyntheticOrganisation.OWN_DOMAIN), OrganisationConfig.DEFAULT_CONSUMER_DOMAINS, List.of());

    @Test
    void evaluate() {
        long seed = Long.getLong("lekwacht.evaluation.seed");
        int months = Integer.getInteger("lekwacht.evaluation.months", 9);
        int warmUp = Integer.getInteger("lekwacht.evaluation.warmUpMonths", 3);
        long started = System.nanoTime();
        List<Mail> mail = new SyntheticOrganisation(seed, months, warmUp).mail();

        ReplayHistory history = new ReplayHistory();
        HistoryService learner = new HistoryService(new NoStore(), new nl.lekwacht.config.HistoryConfig(
                java.time.Duration.ofSeconds(60), 20, java.time.Duration.ofDays(730)), ORGANISATION);
        Inspector inspector = new Inspector(List.of(
                new VisibleRecipientsDetector(VisibleRecipientsSettings.defaults(), ORGANISATION, history),
                new MisdirectedRecipientDetector(MisdirectedRecipientSettings.defaults(), ORGANISATION, history, 20)),
                List.of());
        Policy policy = new Policy(PolicySettings.defaults(), ORGANISATION, true);

        Map<SlipKind, int[]> slips = new EnumMap<>(SlipKind.class);
        int exposures = 0;
        int exposuresHeld = 0;
        int exposuresFound = 0;
        int ordinary = 0;
        int ordinaryHeld = 0;
        int newContactMessages = 0;
        int newContactHeld = 0;
        int anyNewRecipient = 0;
        int over25 = 0;
        Map<String, Integer> heldBy = new TreeMap<>();
        List<String> samples = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        int sampleCount = Integer.getInteger("lekwacht.evaluation.samples", 0);
        LocalDate day = null;
        for (Mail m : mail) {
            LocalDate today = LocalDate.ofInstant(m.at(), ZoneOffset.UTC);
            if (!today.equals(day)) {
                history.refresh();
                day = today;
            }
            OutboundMessage message = message(m);
            if (m.scored()) {
                InspectionResult result = inspector.inspect(message);
                boolean held = policy.decide(result, message.envelope()).action() == Verdict.Action.HOLD;
                if (Boolean.getBoolean("lekwacht.evaluation.dumpAutocomplete")) {
                    for (Finding f : result.findings()) {
                        if ("autocomplete".equals(f.details().get("rule"))) {
                            String recipient = AddressKey.of(f.details().get("recipient"));
                            String label = m.slip() == null ? "ORDINARY"
                                    : recipient.equals(AddressKey.of(m.slipped().address())) ? m.slip().name() : "OTHER";
                            System.out.println("AC " + label + " " + history.sender(m.sender()).messagesTo(recipient)
                                    + " " + f.details().get("score"));
                        }
                    }
                }
                if (m.slip() != null) {
                    int[] counts = slips.computeIfAbsent(m.slip(), k -> new int[2]);
                    counts[0]++;
                    counts[1] += held ? 1 : 0;
                    if (!held && missed.size() < sampleCount) {
                        missed.add(m.slip() + " " + m.slipped().address() + " (meant " + m.intended().address()
                                + ") " + result.findings());
                    }
                } else if (m.exposure()) {
                    exposures++;
                    exposuresHeld += held ? 1 : 0;
                    exposuresFound += result.findings().stream()
                            .anyMatch(f -> f.code() == nl.lekwacht.inspect.FindingCode.VISIBLE_RECIPIENTS) ? 1 : 0;
                } else {
                    ordinary++;
                    SenderHistory own = history.sender(m.sender());
                    boolean hasNew = message.envelope().recipients().stream().map(AddressKey::of)
                            .anyMatch(a -> !a.endsWith("@" + SyntheticOrganisation.OWN_DOMAIN) && own.messagesTo(a) == 0);
                    anyNewRecipient += hasNew ? 1 : 0;
                    over25 += m.to().size() + m.cc().size() >= 25 ? 1 : 0;
                    if (m.newContact()) {
                        newContactMessages++;
                    }
                    if (held) {
                        ordinaryHeld++;
                        newContactHeld += m.newContact() ? 1 : 0;
                        for (Finding f : result.findings()) {
                            heldBy.merge(f.code() + "/" + f.details().getOrDefault("rule", "-")
                                    + "/" + f.details().getOrDefault("source", "-"), 1, Integer::sum);
                        }
                        if (samples.size() < sampleCount) {
                            samples.add(m.to() + " cc " + m.cc() + (m.newContact() ? " (new contact) " : " ")
                                    + result.findings().stream().map(f -> f.code() + " " + f.details()).toList());
                        }
                    }
                }
            }
            // Delivered mail is learned; a slip is learned as the sender corrected it after the hold.
            Mail delivered = m.slip() == null ? m : corrected(m);
            Optional<LearnedMessage> learned = learner.learned(delivered.sender(), message(delivered).envelope().recipients(),
                    message(delivered).headers(), delivered.at());
            learned.ifPresent(history::learn);
        }
        int slipTotal = 0;
        int slipHeld = 0;
        int mainTotal = 0;
        int mainHeld = 0;
        System.out.printf("%nRecipient evaluation, seed %d: %d messages over %d months (first %d learned only), "
                + "%d senders, %d external addresses known at the end, %.1f s%n", seed, mail.size(), months, warmUp,
                SyntheticOrganisation.SENDERS, history.organisation().consolidated().size(),
                (System.nanoTime() - started) / 1e9);
        for (Map.Entry<SlipKind, int[]> e : slips.entrySet()) {
            int[] c = e.getValue();
            System.out.printf("  slip %-28s %5d injected, %5d held: recall %5.1f%%%n", e.getKey(), c[0], c[1],
                    100.0 * c[1] / c[0]);
            slipTotal += c[0];
            slipHeld += c[1];
            if (e.getKey() != SlipKind.AUTOCOMPLETE_RARELY_MAILED) {
                mainTotal += c[0];
                mainHeld += c[1];
            }
        }
        System.out.printf("  slips (without the stretch kind)  %5d injected, %5d held: recall %5.1f%%%n", mainTotal,
                mainHeld, 100.0 * mainHeld / mainTotal);
        System.out.printf("  slips (all kinds)                 %5d injected, %5d held: recall %5.1f%%%n", slipTotal,
                slipHeld, 100.0 * slipHeld / slipTotal);
        System.out.printf("  ordinary messages %d, held %d: %.2f%%%n", ordinary, ordinaryHeld,
                100.0 * ordinaryHeld / ordinary);
        System.out.printf("  generated exposures (two or more residents shown to each other in To/Cc, not counted as "
                + "ordinary): %d, VISIBLE_RECIPIENTS found on %d, held %d%n", exposures, exposuresFound, exposuresHeld);
        System.out.printf("    of which to a genuinely new contact: %d, held %d%n", newContactMessages, newContactHeld);
        System.out.printf("    held by: %s%n", heldBy);
        System.out.printf("  for comparison: warn on every address not mailed before would flag %.2f%% of ordinary "
                + "mail; a fixed count of 25 visible addresses %.2f%%%n", 100.0 * anyNewRecipient / ordinary,
                100.0 * over25 / ordinary);
        samples.forEach(s -> System.out.println("    held ordinary: " + s));
        missed.forEach(s -> System.out.println("    missed slip: " + s));
    }

    private static Mail corrected(Mail m) {
        return new Mail(m.at(), m.sender(), swap(m.to(), m), swap(m.cc(), m), m.bcc(), m.scored(), null, null, null,
                false, false);
    }

    private static List<Address> swap(List<Address> list, Mail m) {
        return list.stream().map(a -> a.address().equals(m.slipped().address()) ? m.intended() : a).toList();
    }

    private static OutboundMessage message(Mail m) {
        List<String> recipients = new ArrayList<>();
        m.to().forEach(a -> recipients.add(a.address()));
        m.cc().forEach(a -> recipients.add(a.address()));
        m.bcc().forEach(a -> recipients.add(a.address()));
        Envelope envelope = new Envelope("eval", m.sender(), recipients, InetAddress.getLoopbackAddress(), "client",
                Optional.empty(), m.at());
        MessageHeaders headers = new MessageHeaders("", List.of(new MailAddress(m.sender(), "")), Optional.empty(),
                m.to().stream().map(a -> new MailAddress(a.address(), a.name())).toList(),
                m.cc().stream().map(a -> new MailAddress(a.address(), a.name())).toList(), "", 1, List.of());
        return new OutboundMessage(envelope, headers, 1000, List.of(), List.of(), List.of());
    }

    /** History held in memory and refreshed once a simulated day, as the cache would be. */
    private static final class ReplayHistory implements HistoryView {

        private final Map<String, SenderHistory> senders = new java.util.HashMap<>();
        private OrganisationHistory organisation = OrganisationHistory.EMPTY;

        @Override
        public SenderHistory sender(String senderAddress) {
            String key = AddressKey.of(senderAddress);
            return senders.computeIfAbsent(key, SenderHistory::empty);
        }

        @Override
        public OrganisationHistory organisation() {
            return organisation;
        }

        void learn(LearnedMessage m) {
            senders.put(m.sender(), sender(m.sender()).plus(m));
            organisation = organisation.plus(m);
        }

        void refresh() {
            organisation = organisation.consolidated();
        }
    }

    /** The learner is only used to turn a message into what history learns; nothing is stored. */
    private static final class NoStore implements nl.lekwacht.history.HistoryStore {
        @Override
        public void record(LearnedMessage message) {
        }

        @Override
        public SenderHistory loadSender(String sender, Instant since) {
            return SenderHistory.empty(sender);
        }

        @Override
        public OrganisationHistory loadOrganisation(Instant since) {
            return OrganisationHistory.EMPTY;
        }

        @Override
        public int purge(Instant before) {
            return 0;
        }
    }
}

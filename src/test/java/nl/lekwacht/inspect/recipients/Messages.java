package nl.lekwacht.inspect.recipients;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.lekwacht.config.OrganisationConfig;
import nl.lekwacht.history.HistoryView;
import nl.lekwacht.history.LearnedMessage;
import nl.lekwacht.history.OrganisationHistory;
import nl.lekwacht.history.SenderHistory;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.MailAddress;
import nl.lekwacht.message.MessageHeaders;
import nl.lekwacht.message.OutboundMessage;

/** Builds test messages and in-memory history for the recipient detectors. */
final class Messages {

    static final String SENDER = "a.visser@gemeente.example";
    static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
    static final OrganisationConfig ORGANISATION = new OrganisationConfig(List.of("gemeente.example"),
            OrganisationConfig.DEFAULT_CONSUMER_DOMAINS, List.of("ketenpartner.nl"));

    private Messages() {
    }

    static MailAddress a(String address) {
        return new MailAddress(address, "");
    }

    static MailAddress a(String name, String address) {
        return new MailAddress(address, name);
    }

    static OutboundMessage message(List<MailAddress> to, List<MailAddress> cc, List<String> bcc) {
        List<String> recipients = new ArrayList<>();
        to.forEach(x -> recipients.add(x.address()));
        cc.forEach(x -> recipients.add(x.address()));
        recipients.addAll(bcc);
        Envelope envelope = new Envelope("q1", SENDER, recipients, InetAddress.getLoopbackAddress(), "client",
                Optional.empty(), T0);
        MessageHeaders headers = new MessageHeaders("subject", List.of(a(SENDER)), Optional.empty(), to, cc, "", 1,
                List.of());
        return new OutboundMessage(envelope, headers, 100, List.of(), List.of(), List.of());
    }

    static OutboundMessage to(MailAddress... to) {
        return message(List.of(to), List.of(), List.of());
    }

    /** History in memory, learned message by message. */
    static final class MemoryHistory implements HistoryView {
        private final java.util.Map<String, SenderHistory> senders = new java.util.HashMap<>();
        private OrganisationHistory organisation = OrganisationHistory.EMPTY;

        @Override
        public SenderHistory sender(String senderAddress) {
            return senders.computeIfAbsent(nl.lekwacht.history.AddressKey.of(senderAddress), SenderHistory::empty);
        }

        @Override
        public OrganisationHistory organisation() {
            return organisation;
        }

        /** Learns {@code times} deliveries of {@code message} from its sender, then refreshes. */
        MemoryHistory learn(OutboundMessage message, int times) {
            nl.lekwacht.history.HistoryService learner = new nl.lekwacht.history.HistoryService(new NoStore(),
                    new nl.lekwacht.config.HistoryConfig(java.time.Duration.ofSeconds(60), 20,
                            java.time.Duration.ofDays(730)), ORGANISATION);
            for (int i = 0; i < times; i++) {
                Optional<LearnedMessage> m = learner.learned(message.envelope().sender(),
                        message.envelope().recipients(), message.headers(), T0.plusSeconds(i));
                m.ifPresent(x -> {
                    senders.put(x.sender(), sender(x.sender()).plus(x));
                    organisation = organisation.plus(x);
                });
            }
            organisation = organisation.consolidated();
            return this;
        }

        /** Makes the sender experienced (past the learning period) with unrelated correspondents. */
        MemoryHistory experienced() {
            for (int i = 0; i < 25; i++) {
                learn(to(a("contact" + i + "@unrelated" + i + ".org")), 1);
            }
            return this;
        }
    }

    private static final class NoStore implements nl.lekwacht.history.HistoryStore {
        @Override
        public boolean record(LearnedMessage message) {
            return true;
        }

        @Override
        public java.util.Set<String> unlearn(String sender, String messageKey) {
            return java.util.Set.of();
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

package nl.lekwacht.bench;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import nl.lekwacht.config.OrganisationConfig;
import nl.lekwacht.history.AddressKey;
import nl.lekwacht.history.Correspondent;
import nl.lekwacht.history.HistoryView;
import nl.lekwacht.history.OrganisationHistory;
import nl.lekwacht.history.SenderHistory;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.recipients.MisdirectedRecipientDetector;
import nl.lekwacht.inspect.recipients.MisdirectedRecipientSettings;
import nl.lekwacht.inspect.recipients.VisibleRecipientsDetector;
import nl.lekwacht.inspect.recipients.VisibleRecipientsSettings;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.MailAddress;
import nl.lekwacht.message.MessageHeaders;
import nl.lekwacht.message.OutboundMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recipient inspection (visible recipients + misdirected recipient) of one message with 100 external
 * recipients, none of them known to the sender, against a sender and organisation history of 10,000
 * correspondents. Sample mode, so JMH reports the median (p0.50). The similarity indexes are built
 * once per history snapshot (once a refresh), in the setup here, as in the gateway.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecipientInspectionBenchmark {

    private static final String SENDER = "a.visser@gemeente.example";
    private static final String[] FIRST = {"jan", "piet", "anna", "maria", "sanne", "daan", "lucas", "eva", "iris",
        "mark", "peter", "henk", "fatima", "mohamed", "emre", "wei", "olga", "koen", "roos", "thijs"};
    private static final String[] LAST = {"jansen", "devries", "bakker", "visser", "smit", "meijer", "deboer",
        "mulder", "bos", "vos", "peters", "hendriks", "dekker", "brouwer", "dijkstra", "kok", "jacobs", "yilmaz",
        "nguyen", "kowalski", "postma", "kramer", "prins", "blom", "huisman", "koster", "maas", "groen"};
    private static final String[] CONSUMER = {"gmail.com", "hotmail.com", "outlook.com", "ziggo.nl", "kpnmail.nl"};

    private OutboundMessage message;
    private VisibleRecipientsDetector visible;
    private MisdirectedRecipientDetector misdirected;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        OrganisationConfig organisation = new OrganisationConfig(List.of("gemeente.example"),
                OrganisationConfig.DEFAULT_CONSUMER_DOMAINS, List.of());
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        List<Correspondent> known = new ArrayList<>();
        List<OrganisationHistory.KnownAddress> everyone = new ArrayList<>();
        Set<String> domains = new java.util.HashSet<>();
        while (known.size() < 10_000) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String domain = random.nextBoolean() ? CONSUMER[random.nextInt(CONSUMER.length)]
                    : "organisatie" + random.nextInt(500) + ".nl";
            String address = first + "." + last + random.nextInt(1000) + "@" + domain;
            if (domains.add(address)) {
                known.add(new Correspondent(address, 1 + random.nextInt(50), t, t, Set.of(cap(first) + " " + cap(last))));
                everyone.add(new OrganisationHistory.KnownAddress(address, cap(first) + " " + cap(last), 1));
            }
        }
        domains.removeIf(d -> d.contains("@"));
        for (OrganisationHistory.KnownAddress a : everyone) {
            domains.add(AddressKey.domain(a.address()));
        }
        SenderHistory sender = new SenderHistory(AddressKey.of(SENDER), 10_000, known, List.of());
        OrganisationHistory organisationHistory = new OrganisationHistory(everyone, domains);
        HistoryView history = new HistoryView() {
            @Override
            public SenderHistory sender(String senderAddress) {
                return sender;
            }

            @Override
            public OrganisationHistory organisation() {
                return organisationHistory;
            }
        };
        List<MailAddress> to = new ArrayList<>();
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String domain = i % 2 == 0 ? CONSUMER[random.nextInt(CONSUMER.length)] : "organisatie" + random.nextInt(500) + ".nl";
            String address = "nieuw." + FIRST[random.nextInt(FIRST.length)] + LAST[random.nextInt(LAST.length)] + i + "@" + domain;
            to.add(new MailAddress(address, "Nieuwe Bewoner " + i));
            recipients.add(address);
        }
        message = new OutboundMessage(new Envelope("bench", SENDER, recipients, InetAddress.getLoopbackAddress(), "",
                Optional.empty(), t), new MessageHeaders("", List.of(new MailAddress(SENDER, "")), Optional.empty(),
                to, List.of(), "", 1, List.of()), 1000, List.of(), List.of(), List.of());
        visible = new VisibleRecipientsDetector(VisibleRecipientsSettings.defaults(), organisation, history);
        misdirected = new MisdirectedRecipientDetector(MisdirectedRecipientSettings.defaults(), organisation, history, 20);
        inspect(); // builds the per-snapshot indexes once, as the first message after a refresh does
    }

    @Benchmark
    public List<Finding> inspect() {
        List<Finding> findings = new ArrayList<>(visible.inspect(message));
        findings.addAll(misdirected.inspect(message));
        return findings;
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

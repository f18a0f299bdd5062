package nl.lekwacht.store.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.lekwacht.history.Correspondent;
import nl.lekwacht.history.LearnedMessage;
import nl.lekwacht.history.LearnedMessage.LearnedRecipient;
import nl.lekwacht.history.OrganisationHistory;
import nl.lekwacht.history.SenderHistory;
import nl.lekwacht.store.Database;
import org.junit.jupiter.api.Test;

/** What every history store must do; run against H2 and PostgreSQL by the subclasses. */
abstract class HistoryStoreContract {

    static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
    static final String SENDER = "a.visser@gemeente.example";

    abstract Database database();

    JdbcHistoryStore store() {
        return new JdbcHistoryStore(database().dataSource());
    }

    static LearnedMessage message(Instant at, String... recipients) {
        List<LearnedRecipient> list = java.util.Arrays.stream(recipients)
                .map(r -> new LearnedRecipient(r, "Name of " + r.substring(0, r.indexOf('@')))).toList();
        return new LearnedMessage(SENDER, at, list, Set.of(recipients));
    }

    @Test
    void countsMessagesPerCorrespondentWithFirstAndLastTime() {
        JdbcHistoryStore store = store();
        store.record(message(T0, "jan.jansen@zorgpartner.nl"));
        store.record(message(T0.plusSeconds(3600), "jan.jansen@zorgpartner.nl", "p.bakker@zorgpartner.nl"));
        store.record(message(T0.minusSeconds(60), "jan.jansen@zorgpartner.nl"));

        SenderHistory history = store.loadSender(SENDER, T0.minusSeconds(86_400));

        assertThat(history.messages()).isEqualTo(3);
        Correspondent jan = history.correspondent("jan.jansen@zorgpartner.nl").orElseThrow();
        assertThat(jan.messages()).isEqualTo(3);
        assertThat(jan.firstSent()).isEqualTo(T0.minusSeconds(60));
        assertThat(jan.lastSent()).isEqualTo(T0.plusSeconds(3600));
        assertThat(jan.displayNames()).containsExactly("Name of jan.jansen");
        assertThat(history.messagesTo("p.bakker@zorgpartner.nl")).isEqualTo(1);
    }

    static LearnedMessage message(String messageId, Instant at, String... recipients) {
        LearnedMessage m = message(at, recipients);
        return new LearnedMessage(m.sender(), m.at(), m.recipients(), m.visibleGroup(),
                nl.lekwacht.history.MessageKey.of(SENDER, messageId));
    }

    @Test
    void learnsAMessageOnceByItsMessageId() {
        JdbcHistoryStore store = store();
        assertThat(store.record(message("<one@gemeente.example>", T0, "jan@x.nl", "kim@y.nl"))).isTrue();
        assertThat(store.record(message("<one@gemeente.example>", T0, "jan@x.nl", "kim@y.nl"))).isFalse();
        assertThat(store.record(message("<two@gemeente.example>", T0, "jan@x.nl"))).isTrue();

        SenderHistory history = store.loadSender(SENDER, T0.minusSeconds(10));
        assertThat(history.messages()).isEqualTo(2);
        assertThat(history.messagesTo("jan@x.nl")).isEqualTo(2);
        assertThat(history.timesSeenTogether(Set.of("jan@x.nl", "kim@y.nl"))).isEqualTo(1);
        assertThat(history.threadRecipients(List.of(nl.lekwacht.history.MessageKey.of(SENDER, "<one@gemeente.example>"))))
                .containsExactlyInAnyOrder("jan@x.nl", "kim@y.nl");
    }

    @Test
    void unlearnsAMessageAsIfItWasNeverSent() {
        JdbcHistoryStore store = store();
        store.record(message("<one@gemeente.example>", T0, "jan@x.nl"));
        store.record(message("<slip@gemeente.example>", T0.plusSeconds(1), "jan@x.nl", "wrong@z.nl"));
        String slip = nl.lekwacht.history.MessageKey.of(SENDER, "<slip@gemeente.example>");

        assertThat(store.unlearn(SENDER, slip)).containsExactly("jan@x.nl", "wrong@z.nl");

        SenderHistory history = store.loadSender(SENDER, T0.minusSeconds(10));
        assertThat(history.messages()).isEqualTo(1);
        assertThat(history.messagesTo("jan@x.nl")).isEqualTo(1);
        assertThat(history.correspondent("wrong@z.nl")).isEmpty();
        assertThat(history.timesSeenTogether(Set.of("jan@x.nl", "wrong@z.nl"))).isZero();
        assertThat(history.threadRecipients(List.of(slip))).isEmpty();
        OrganisationHistory everyone = store.loadOrganisation(T0.minusSeconds(10));
        assertThat(everyone.knowsAddress("wrong@z.nl")).isFalse();
        assertThat(everyone.knowsDomain("z.nl")).isFalse();
        assertThat(everyone.knowsAddress("jan@x.nl")).isTrue();
        assertThat(store.unlearn(SENDER, slip)).as("a second time changes nothing").isEmpty();
        assertThat(store.record(message("<slip@gemeente.example>", T0.plusSeconds(1), "jan@x.nl", "wrong@z.nl")))
                .as("nor is it learned again").isFalse();
    }

    @Test
    void remembersGroupsThatSawEachOther() {
        JdbcHistoryStore store = store();
        for (int i = 0; i < 3; i++) {
            store.record(message(T0.plusSeconds(i), "a@x.nl", "b@y.nl", "c@z.nl"));
        }
        SenderHistory history = store.loadSender(SENDER, T0.minusSeconds(10));

        assertThat(history.timesSeenTogether(Set.of("a@x.nl", "b@y.nl", "c@z.nl"))).isEqualTo(3);
        assertThat(history.timesSeenTogether(Set.of("a@x.nl", "c@z.nl"))).isEqualTo(3);
        assertThat(history.timesSeenTogether(Set.of("a@x.nl", "d@z.nl"))).isZero();
    }

    @Test
    void knowsEveryAddressAndDomainOrganisationWide() {
        JdbcHistoryStore store = store();
        store.record(message(T0, "jan.jansen@zorgpartner.nl"));
        store.record(new LearnedMessage("b.smit@gemeente.example", T0, List.of(
                new LearnedRecipient("k.de.vries@gmail.com", "")), Set.of()));

        OrganisationHistory organisation = store.loadOrganisation(T0.minusSeconds(10));

        assertThat(organisation.knowsAddress("jan.jansen@zorgpartner.nl")).isTrue();
        assertThat(organisation.knowsAddress("k.de.vries@gmail.com")).isTrue();
        assertThat(organisation.knowsDomain("zorgpartner.nl")).isTrue();
        assertThat(organisation.knowsDomain("gmail.com")).isTrue();
        assertThat(organisation.knowsDomain("zorgpartner.com")).isFalse();
        assertThat(organisation.address("jan.jansen@zorgpartner.nl").orElseThrow().displayName())
                .isEqualTo("Name of jan.jansen");
    }

    @Test
    void leavesOutAndPurgesWhatIsPastRetention() {
        JdbcHistoryStore store = store();
        store.record(message(T0, "old@past.nl"));
        store.record(message(T0.plusSeconds(86_400 * 10), "new@present.nl"));
        Instant cutoff = T0.plusSeconds(86_400);

        assertThat(store.loadSender(SENDER, cutoff).correspondent("old@past.nl")).isEmpty();
        assertThat(store.loadOrganisation(cutoff).knowsDomain("past.nl")).isFalse();
        assertThat(store.purge(cutoff)).isPositive();
        assertThat(store.loadSender(SENDER, T0.minusSeconds(1)).correspondent("old@past.nl")).isEmpty();
        assertThat(store.loadSender(SENDER, T0.minusSeconds(1)).correspondent("new@present.nl")).isPresent();
    }

    @Test
    void countsEveryMessageWhenLearnedConcurrently() throws Exception {
        JdbcHistoryStore store = store();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Instant at = T0.plusSeconds(i);
                futures.add(pool.submit(() -> store.record(message(at, "race@partner.nl", "other@partner.nl"))));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        SenderHistory history = store.loadSender(SENDER, T0.minusSeconds(1));
        assertThat(history.messagesTo("race@partner.nl")).isEqualTo(40);
        assertThat(history.messages()).isEqualTo(40);
        assertThat(history.timesSeenTogether(Set.of("race@partner.nl", "other@partner.nl"))).isEqualTo(40);
    }

    @Test
    void writesABatchAsItsMessagesOneByOne() {
        JdbcHistoryStore store = store();
        java.util.Random random = new java.util.Random(16);
        List<String> names = List.of("", "", "Jan Jansen", "J. Jansen", "Kim de Vries");
        List<LearnedMessage> one = new java.util.ArrayList<>();
        List<LearnedMessage> two = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Instant at = T0.plusSeconds(60L * random.nextInt(-100, 100));
            List<LearnedRecipient> recipients = new java.util.ArrayList<>();
            Set<String> visible = new java.util.HashSet<>();
            for (int r = 0; r < 4; r++) {
                if (random.nextInt(3) == 0) {
                    String address = "u" + r + "@d" + random.nextInt(2) + ".one.example";
                    if (recipients.stream().noneMatch(x -> x.address().equals(address))) {
                        recipients.add(new LearnedRecipient(address, names.get(random.nextInt(names.size()))));
                        if (random.nextBoolean()) {
                            visible.add(address);
                        }
                    }
                }
            }
            if (recipients.isEmpty()) {
                continue;
            }
            String id = random.nextInt(4) == 0 ? null : "<" + random.nextInt(200) + "@gemeente.example>";
            one.add(new LearnedMessage("one@gemeente.example", at, recipients, visible,
                    nl.lekwacht.history.MessageKey.of("one@gemeente.example", id)));
            two.add(new LearnedMessage("two@gemeente.example", at, recipients.stream()
                    .map(r -> new LearnedRecipient(twin(r.address()), r.displayName())).toList(),
                    Set.copyOf(visible.stream().map(HistoryStoreContract::twin).toList()),
                    nl.lekwacht.history.MessageKey.of("two@gemeente.example", id)));
        }
        one.forEach(store::record);
        for (int from = 0; from < two.size(); ) {
            int to = Math.min(two.size(), from + 1 + random.nextInt(60));
            store.recordAll(two.subList(from, to));
            from = to;
        }

        Instant since = T0.minusSeconds(86_400);
        SenderHistory a = store.loadSender("one@gemeente.example", since);
        SenderHistory b = store.loadSender("two@gemeente.example", since);
        OrganisationHistory everyone = store.loadOrganisation(since);
        assertThat(b.messages()).isEqualTo(a.messages()).isLessThan(one.size());
        assertThat(b.correspondents()).hasSameSizeAs(a.correspondents());
        for (Correspondent c : a.correspondents()) {
            assertThat(b.correspondent(twin(c.address())).orElseThrow())
                    .isEqualTo(new Correspondent(twin(c.address()), c.messages(), c.firstSent(), c.lastSent(),
                            c.displayNames()));
            assertThat(everyone.address(twin(c.address())).orElseThrow())
                    .isEqualTo(new OrganisationHistory.KnownAddress(twin(c.address()),
                            everyone.address(c.address()).orElseThrow().displayName(),
                            everyone.address(c.address()).orElseThrow().messages()));
        }
        for (int i = 0; i < one.size(); i++) {
            Set<String> group = one.get(i).visibleGroup();
            assertThat(b.timesSeenTogether(Set.copyOf(group.stream().map(HistoryStoreContract::twin).toList())))
                    .isEqualTo(a.timesSeenTogether(group));
            assertThat(b.threadRecipients(List.of(two.get(i).messageKey())))
                    .isEqualTo(Set.copyOf(a.threadRecipients(List.of(one.get(i).messageKey())).stream()
                            .map(HistoryStoreContract::twin).toList()));
        }
    }

    private static String twin(String address) {
        return address.replace(".one.example", ".two.example");
    }
}

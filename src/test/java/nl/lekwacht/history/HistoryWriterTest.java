package nl.lekwacht.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HistoryWriterTest {

    private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

    /** Records what it was asked to write; fails a batch holding {@code bad}. */
    private static final class RecordingStore implements HistoryStore {
        final List<List<String>> batches = new ArrayList<>();
        final List<String> singles = new ArrayList<>();
        String bad = "";

        @Override
        public boolean record(LearnedMessage message) {
            if (message.messageKey().equals(bad)) {
                throw new IllegalStateException("store away");
            }
            singles.add(message.messageKey());
            return true;
        }

        @Override
        public void recordAll(List<LearnedMessage> messages) {
            List<String> keys = messages.stream().map(LearnedMessage::messageKey).toList();
            if (keys.contains(bad)) {
                throw new IllegalStateException("store away");
            }
            batches.add(keys);
        }

        @Override
        public Set<String> unlearn(String sender, String messageKey) {
            return Set.of();
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

    private static LearnedMessage message(String key) {
        return new LearnedMessage("a.visser@gemeente.example", T0,
                List.of(new LearnedMessage.LearnedRecipient("jan@partner.nl", "")), Set.of(), key);
    }

    @Test
    void writesWhatQueuedUpMeanwhileInOneBatch() {
        RecordingStore store = new RecordingStore();
        List<Runnable> tasks = new ArrayList<>();
        HistoryWriter writer = new HistoryWriter(store, tasks::add, 100);

        writer.add(message("1"));
        writer.add(message("2"));
        writer.add(message("3"));
        assertThat(tasks).as("one drain for all three").hasSize(1);
        tasks.remove(0).run();

        assertThat(store.batches).containsExactly(List.of("1", "2", "3"));
        writer.add(message("4"));
        assertThat(tasks).as("the next message starts a new drain").hasSize(1);
        tasks.remove(0).run();
        assertThat(store.batches).containsExactly(List.of("1", "2", "3"), List.of("4"));
    }

    @Test
    void writesWhatArrivesWhileItLingersInTheSameBatch() {
        RecordingStore store = new RecordingStore();
        List<Runnable> tasks = new ArrayList<>();
        HistoryWriter[] writer = new HistoryWriter[1];
        // one sending session: its next messages arrive while the writer waits
        writer[0] = new HistoryWriter(store, tasks::add, 100, () -> {
            writer[0].add(message("2"));
            writer[0].add(message("3"));
        });

        writer[0].add(message("1"));
        tasks.remove(0).run();

        assertThat(store.batches).containsExactly(List.of("1", "2", "3"));
        assertThat(tasks).as("no second drain for what arrived during the first").isEmpty();
    }

    @Test
    void writesEverythingQueuedWhenItsExecutorShutsDownWhileLingering() throws Exception {
        RecordingStore store = new RecordingStore();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        HistoryWriter writer = new HistoryWriter(store, executor, 100, HistoryWriter.lingering(Duration.ofMillis(50)));

        writer.add(message("1"));
        writer.add(message("2"));
        executor.shutdown();
        assertThat(executor.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(store.batches.stream().flatMap(List::stream)).containsExactly("1", "2");
    }

    @Test
    void writesEachMessageOfAFailedBatchOnItsOwn() {
        RecordingStore store = new RecordingStore();
        store.bad = "2";
        List<Runnable> tasks = new ArrayList<>();
        HistoryWriter writer = new HistoryWriter(store, tasks::add, 100);

        writer.add(message("1"));
        writer.add(message("2"));
        writer.add(message("3"));
        tasks.remove(0).run();

        assertThat(store.batches).isEmpty();
        assertThat(store.singles).containsExactly("1", "3");
    }

    @Test
    void callerWritesItsOwnMessageWhenTheQueueIsFull() {
        RecordingStore store = new RecordingStore();
        List<Runnable> tasks = new ArrayList<>();
        HistoryWriter writer = new HistoryWriter(store, tasks::add, 2);

        writer.add(message("1"));
        writer.add(message("2"));
        writer.add(message("3"));

        assertThat(store.batches).containsExactly(List.of("3"));
        tasks.remove(0).run();
        assertThat(store.batches).containsExactly(List.of("3"), List.of("1", "2"));
    }

    @Test
    void writesAtOnceWithASynchronousExecutor() {
        RecordingStore store = new RecordingStore();
        HistoryWriter writer = new HistoryWriter(store, Runnable::run, 100);

        writer.add(message("1"));

        assertThat(store.batches).containsExactly(List.of("1"));
    }
}

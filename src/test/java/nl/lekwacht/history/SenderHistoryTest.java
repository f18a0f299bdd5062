package nl.lekwacht.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SenderHistoryTest {

    private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
    private static final String SENDER = "a.visser@gemeente.example";

    private static LearnedMessage message(Instant at, String key, String... recipients) {
        return new LearnedMessage(SENDER, at, java.util.Arrays.stream(recipients)
                .map(r -> new LearnedMessage.LearnedRecipient(r, "")).toList(), Set.of(recipients), key);
    }

    @Test
    void plusLeavesTheEarlierSnapshotAsItWas() {
        SenderHistory before = new SenderHistory(SENDER, 1, List.of(
                new Correspondent("jan@x.nl", 1, T0, T0, Set.of())), List.of(
                new RecipientGroup(Set.of("jan@x.nl", "kim@y.nl"), 1, T0)));

        SenderHistory after = before.plus(message(T0.plusSeconds(5), "k1", "jan@x.nl", "kim@y.nl"))
                .plus(message(T0.plusSeconds(9), "k2", "jan@x.nl", "piet@z.nl"));

        assertThat(before.messages()).isEqualTo(1);
        assertThat(before.messagesTo("jan@x.nl")).isEqualTo(1);
        assertThat(before.timesSeenTogether(Set.of("jan@x.nl", "kim@y.nl"))).isEqualTo(1);
        assertThat(before.seenTogether("jan@x.nl", "piet@z.nl")).isFalse();
        assertThat(before.threadRecipients(List.of("k1"))).isEmpty();

        assertThat(after.messages()).isEqualTo(3);
        assertThat(after.messagesTo("jan@x.nl")).isEqualTo(3);
        assertThat(after.timesSeenTogether(Set.of("jan@x.nl", "kim@y.nl"))).isEqualTo(2);
        assertThat(after.timesSeenTogether(Set.of("jan@x.nl"))).isEqualTo(3);
        assertThat(after.seenTogether("jan@x.nl", "piet@z.nl")).isTrue();
        assertThat(after.threadRecipients(List.of("k1", "k2"))).containsExactlyInAnyOrder("jan@x.nl", "kim@y.nl",
                "piet@z.nl");
        assertThat(after.groups()).hasSize(2);
    }

    @Test
    void addsUpGroupsGivenTwiceWithTheSameMembers() {
        SenderHistory history = new SenderHistory(SENDER, 3, List.of(), List.of(
                new RecipientGroup(Set.of("jan@x.nl", "kim@y.nl"), 1, T0),
                new RecipientGroup(Set.of("kim@y.nl", "jan@x.nl"), 2, T0.plusSeconds(1))));

        assertThat(history.timesSeenTogether(Set.of("jan@x.nl", "kim@y.nl"))).isEqualTo(3);
        assertThat(history.groups()).containsExactly(new RecipientGroup(Set.of("jan@x.nl", "kim@y.nl"), 3,
                T0.plusSeconds(1)));
    }
}
